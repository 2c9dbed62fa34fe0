using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace JiuTracker.Web.Data;

/// <summary>
/// The database in effect: the provider (<c>Database:Provider</c>) and the connection string "JiuTracker", with a
/// relative SQLite file made relative to the content root. The one place that knows how to open either provider.
/// </summary>
public sealed record DatabaseConnection(DatabaseProvider Provider, string ConnectionString)
{
    public const string ProviderSetting = "Database:Provider";
    public const string ConnectionStringName = "JiuTracker";
    public const string DefaultSqlite = "Data Source=App_Data/jiutracker.db";

    public static DatabaseConnection From(IConfiguration configuration, string contentRoot)
    {
        var configured = configuration.GetConnectionString(ConnectionStringName);
        return ParseProvider(configuration[ProviderSetting]) switch
        {
            DatabaseProvider.PostgreSQL => PostgreSql(string.IsNullOrWhiteSpace(configured)
                ? throw new InvalidOperationException(
                    $"{ProviderSetting} is PostgreSQL, but the connection string ConnectionStrings:{ConnectionStringName} is not set " +
                    "(e.g. Host=db.example.org;Database=jiutracker;Username=jiutracker;Password=...).")
                : configured),
            _ => Sqlite(configured, contentRoot),
        };
    }

    public static DatabaseConnection Sqlite(string? configured, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(configured ?? DefaultSqlite);
        if (builder.DataSource != ":memory:" && builder.Mode != SqliteOpenMode.Memory)
        {
            builder.DataSource = Path.GetFullPath(builder.DataSource, contentRoot);
            Directory.CreateDirectory(Path.GetDirectoryName(builder.DataSource)!);
        }

        return new DatabaseConnection(DatabaseProvider.Sqlite, builder.ToString());
    }

    public static DatabaseConnection PostgreSql(string connectionString) => new(DatabaseProvider.PostgreSQL, connectionString);

    /// <summary>"Sqlite" (also when unset) or "PostgreSQL", in any case; anything else stops the app with the choices.</summary>
    public static DatabaseProvider ParseProvider(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return DatabaseProvider.Sqlite;
        }

        var name = Enum.GetNames<DatabaseProvider>().FirstOrDefault(n => string.Equals(n, value.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidOperationException($"{ProviderSetting} \"{value}\" is not known: use Sqlite or PostgreSQL.");
        return Enum.Parse<DatabaseProvider>(name);
    }

    /// <summary>A context of the provider's own type, so that each provider applies its own migrations.</summary>
    public JiuDbContext CreateContext(IEnumerable<IInterceptor>? interceptors = null) => CreateContext(Options(interceptors));

    /// <summary>
    /// The options of this database's contexts. The app builds them once and gives every request's context the same
    /// instance: options built anew for each context make EF Core look its internal services up again each time.
    /// </summary>
    public DbContextOptions Options(IEnumerable<IInterceptor>? interceptors = null) => Provider switch
    {
        DatabaseProvider.PostgreSQL => new DbContextOptionsBuilder<PostgreSqlJiuDbContext>()
            .UseNpgsql(ConnectionString)
            .AddInterceptors([.. interceptors ?? [], DataVersionInterceptor.Instance])
            .Options,
        _ => new DbContextOptionsBuilder<JiuDbContext>()
            .UseSqlite(ConnectionString)
            .AddInterceptors([.. interceptors ?? [], DataVersionInterceptor.Instance])
            .Options,
    };

    public static JiuDbContext CreateContext(DbContextOptions options) => options switch
    {
        DbContextOptions<PostgreSqlJiuDbContext> postgreSql => new PostgreSqlJiuDbContext(postgreSql),
        DbContextOptions<JiuDbContext> sqlite => new JiuDbContext(sqlite),
        _ => throw new ArgumentException($"Options for {options.ContextType.Name} cannot make a {nameof(JiuDbContext)}.", nameof(options)),
    };
}
