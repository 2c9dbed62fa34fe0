using JiuTracker.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace JiuTracker.Tests.Infrastructure;

/// <summary>The app over HTTP on its own SQLite file in a temporary folder; Development (demo data) unless told otherwise.</summary>
public class JiuTrackerFactory : WebApplicationFactory<Program>
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "jiutracker-tests", Guid.NewGuid().ToString("N"));

    public JiuTrackerFactory()
    {
        Directory.CreateDirectory(_directory);
    }

    public string DatabasePath => Path.Combine(_directory, "jiutracker.db");

    protected virtual string Environment => "Development";

    /// <summary>A context on the same database, for setting up and checking what requests did; starts the app first.</summary>
    public JiuDbContext CreateDbContext()
    {
        _ = Services;
        return new(new DbContextOptionsBuilder<JiuDbContext>().UseSqlite($"Data Source={DatabasePath}").Options);
    }

    public async Task<T> QueryAsync<T>(Func<JiuDbContext, Task<T>> query)
    {
        await using var db = CreateDbContext();
        return await query(db);
    }

    /// <summary>A client that keeps cookies and does not follow redirects, so tests see 302s and 403s as they are.</summary>
    public HttpClient CreateBrowserClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = ClientOptions.BaseAddress });

    public async Task<HttpClient> SignedInClientAsync(string email)
    {
        var client = CreateBrowserClient();
        await client.SignInAsync(email);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        builder.UseSetting("ConnectionStrings:JiuTracker", $"Data Source={DatabasePath}");
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        // Test classes sign in many times a minute from one address; the limit itself is tested with its own setting.
        builder.UseSetting("Security:SignInAttemptsPerMinute", "100000");
        // Tests see a disabled account signed out at its next request.
        builder.UseSetting("Security:AccountCheckSeconds", "0");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
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
public sealed class ProductionJiuTrackerFactory : JiuTrackerFactory
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
