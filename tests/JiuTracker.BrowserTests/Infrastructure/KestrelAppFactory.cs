using System.Net;
using JiuTracker.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace JiuTracker.BrowserTests.Infrastructure;

/// <summary>
/// The app on a real Kestrel port on 127.0.0.1, so a browser can reach it: demo mode (Development: demo data and
/// accounts) over its own SQLite file in a temporary folder.
/// </summary>
public sealed class KestrelAppFactory : WebApplicationFactory<Program>
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "jiutracker-browser-tests", Guid.NewGuid().ToString("N"));

    public KestrelAppFactory()
    {
        Directory.CreateDirectory(_directory);
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
    }

    public string DatabasePath => Path.Combine(_directory, "jiutracker.db");

    /// <summary>Starts the server and answers the address it listens on, such as http://127.0.0.1:41234/.</summary>
    public Uri Start()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        return new Uri(addresses.Single().TrimEnd('/') + "/");
    }

    /// <summary>A context on the app's database, for finding what to open and checking what the browser did.</summary>
    public JiuDbContext CreateDbContext() =>
        new(new DbContextOptionsBuilder<JiuDbContext>().UseSqlite($"Data Source={DatabasePath}").Options);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:JiuTracker", $"Data Source={DatabasePath}");
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        // Every test signs in from 127.0.0.1; the per-address limit on sign-in attempts is tested elsewhere.
        builder.UseSetting("Security:SignInAttemptsPerMinute", "1000");
        builder.UseSetting("Security:SignInAttemptsPerAccountPerMinute", "1000");
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
            // A file still held open is left for the temp folder's own clean-up.
        }
    }
}
