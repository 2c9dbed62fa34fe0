using JiuTracker.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace JiuTracker.TestSupport;

/// <summary>
/// The app over HTTP on a database of its own: a SQLite file in a temporary folder, or a new database on the test
/// run's PostgreSQL server (<see cref="PostgreSqlJiuTrackerFactory"/>); Development (demo data) unless told otherwise.
/// </summary>
public class JiuTrackerFactory : WebApplicationFactory<Program>
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "jiutracker-tests", Guid.NewGuid().ToString("N"));
    private readonly Lazy<DatabaseConnection> _database;
    private readonly bool _givenDatabase;

    public JiuTrackerFactory()
    {
        Directory.CreateDirectory(_directory);
        _database = new(() => Provider == DatabaseProvider.PostgreSQL
            ? DatabaseConnection.PostgreSql(PostgreSqlServer.CreateDatabase())
            : DatabaseConnection.Sqlite($"Data Source={DatabasePath}", _directory));
    }

    protected JiuTrackerFactory(DatabaseConnection database)
        : this()
    {
        _database = new(database);
        _givenDatabase = true;
    }

    /// <summary>The SQLite file, on the SQLite provider.</summary>
    public string DatabasePath => Path.Combine(_directory, "jiutracker.db");

    public DatabaseConnection Database => _database.Value;

    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected virtual string Environment => "Development";

    /// <summary>
    /// Whether a new SQLite file starts as a copy of <see cref="StartedDatabaseTemplates"/>' file for the environment
    /// rather than empty: the same data, without migrating, importing the seed and hashing the demo passwords again.
    /// </summary>
    protected virtual bool StartsFromTemplate => true;

    /// <summary>A context on the same database, for setting up and checking what requests did; starts the app first.</summary>
    public JiuDbContext CreateDbContext()
    {
        _ = Services;
        return Database.CreateContext();
    }

    public async Task<T> QueryAsync<T>(Func<JiuDbContext, Task<T>> query)
    {
        await using var db = CreateDbContext();
        return await query(db);
    }

    /// <summary>A client that keeps cookies and does not follow redirects, so tests see 302s and 403s as they are.</summary>
    public HttpClient CreateBrowserClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = ClientOptions.BaseAddress });

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        if (StartsFromTemplate && !_givenDatabase && Database.Provider == DatabaseProvider.Sqlite && !File.Exists(DatabasePath))
        {
            StartedDatabaseTemplates.CopyTo(Environment, DatabasePath);
        }

        builder.UseEnvironment(Environment);
        builder.UseSetting(DatabaseConnection.ProviderSetting, Database.Provider.ToString());
        builder.UseSetting("ConnectionStrings:JiuTracker", Database.ConnectionString);
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        // Test classes sign in many times a minute from one address; the limit itself is tested with its own setting.
        builder.UseSetting("Security:SignInAttemptsPerMinute", "100000");
        builder.UseSetting("Security:SignInAttemptsPerAccountPerMinute", "100000");
        // Tests see a disabled account signed out at its next request.
        builder.UseSetting("Security:AccountCheckSeconds", "0");
        // The same hasher at a hundredth of its work factor: tests sign in thousands of times, and what they check
        // does not depend on how slow a hash is.
        builder.ConfigureServices(services => services.Configure<PasswordHasherOptions>(o => o.IterationCount = TestPasswordHashIterations));
    }

    /// <summary>The PBKDF2 iterations of passwords the tests' apps hash (the app's default is 100,000).</summary>
    public const int TestPasswordHashIterations = 1_000;

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        if (_database is { IsValueCreated: true, Value.Provider: DatabaseProvider.PostgreSQL })
        {
            NpgsqlConnection.ClearPool(new NpgsqlConnection(Database.ConnectionString));
        }

        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by the OS is left for the temp folder's own clean-up.
        }
    }
}

/// <summary>The app as a production install starts: no demo data, no demo accounts, HTTPS only.</summary>
public class ProductionJiuTrackerFactory : JiuTrackerFactory
{
    public ProductionJiuTrackerFactory()
    {
        // Production cookies are Secure and plain HTTP is redirected, so the client speaks HTTPS as a browser would.
        ClientOptions.BaseAddress = new Uri("https://localhost");
    }

    protected override string Environment => "Production";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // The port a proxy or Kestrel serves HTTPS on; plain HTTP is redirected there.
        builder.UseSetting("https_port", "443");
    }
}

/// <summary>The app in demo mode on a new database of the test run's PostgreSQL server.</summary>
public sealed class PostgreSqlJiuTrackerFactory : JiuTrackerFactory
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSQL;
}

/// <summary>A production install on a new database of the test run's PostgreSQL server.</summary>
public sealed class PostgreSqlProductionJiuTrackerFactory : ProductionJiuTrackerFactory
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSQL;
}

/// <summary>The app in demo mode on a database that already exists, such as one a command filled.</summary>
public sealed class ExistingDatabaseJiuTrackerFactory(DatabaseConnection database) : JiuTrackerFactory(database);
