using JiuTracker.Tests.Infrastructure;
using JiuTracker.Web.Domain;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;

namespace JiuTracker.Tests.Admin;

/// <summary><c>create-admin</c> run as a person runs it on a fresh install: a process of its own, the password on standard input.</summary>
[Trait(TestCategories.Category, TestCategories.Slow)]
public sealed class CreateAdminCommandTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "jiutracker-tests", Guid.NewGuid().ToString("N"));

    public CreateAdminCommandTests() => Directory.CreateDirectory(_directory);

    private string ConnectionString => $"Data Source={Path.Combine(_directory, "jiutracker.db")}";

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private Task<(int ExitCode, string Output, string Errors)> RunAsync(string email, string stdin) =>
        AppCommand.RunAsync(_directory, ["create-admin", "--email", email, $"--ConnectionStrings:JiuTracker={ConnectionString}"], stdin);

    private async Task<T> QueryAsync<T>(Func<JiuTracker.Web.Data.JiuDbContext, Task<T>> query)
    {
        await using var db = new JiuTracker.Web.Data.JiuDbContext(new DbContextOptionsBuilder<JiuTracker.Web.Data.JiuDbContext>().UseSqlite(ConnectionString).Options);
        return await query(db);
    }

    [Fact]
    public async Task CreateAdmin_OnAnEmptyDatabase_WithAStrongPassword_CreatesAnAdministratorWhoCanSignIn()
    {
        var (exitCode, output, errors) = await RunAsync("first.admin@example.org", "Strong-Passw0rd-2026");

        Assert.True(exitCode == 0, errors);
        Assert.Contains("Created the administrator first.admin@example.org", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Strong-Passw0rd-2026", output + errors, StringComparison.Ordinal);
        var roles = await QueryAsync(db => db.UserRoles.Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).ToListAsync());
        Assert.Equal(["Administrator"], roles);
        Assert.Equal(0, await QueryAsync(db => db.Reports.CountAsync()));
        Assert.Equal(AdminAction.AccountCreated, (await QueryAsync(db => db.AdminAudit.SingleAsync())).Action);

        using var app = new DatabaseFactory(ConnectionString);
        await app.CreateBrowserClient().SignInAsync("first.admin@example.org", "Strong-Passw0rd-2026");
    }

    [Theory]
    [InlineData("short", "at least 12 characters")]
    [InlineData("longbutonlylowercase", "non alphanumeric")]
    [InlineData("", "no password was given")]
    public async Task CreateAdmin_WithAWeakOrNoPassword_ExitsNonZero_WithTheReason_AndCreatesNoAccount(string password, string reason)
    {
        var (exitCode, _, errors) = await RunAsync("first.admin@example.org", password);

        Assert.Equal(1, exitCode);
        Assert.Contains(reason, errors, StringComparison.Ordinal);
        if (File.Exists(Path.Combine(_directory, "jiutracker.db")))
        {
            Assert.Equal(0, await QueryAsync(db => db.Users.CountAsync()));
        }
    }

    [Fact]
    public async Task CreateAdmin_ForAnAddressAlreadyTaken_IsRefused()
    {
        Assert.Equal(0, (await RunAsync("first.admin@example.org", "Strong-Passw0rd-2026")).ExitCode);

        var (exitCode, _, errors) = await RunAsync("First.Admin@example.org", "Another-Passw0rd-2026");

        Assert.Equal(1, exitCode);
        Assert.Contains("already exists", errors, StringComparison.Ordinal);
        Assert.Equal(1, await QueryAsync(db => db.Users.CountAsync()));
    }

    [Fact]
    public async Task CreateAdmin_WithoutAnAddress_ShowsTheUsage()
    {
        var (exitCode, _, errors) = await RunAsync("not-an-address", "Strong-Passw0rd-2026");

        Assert.Equal(2, exitCode);
        Assert.Contains("is not an e-mail address", errors, StringComparison.Ordinal);
    }

    /// <summary>The web app, in production mode, on the database the command wrote.</summary>
    private sealed class DatabaseFactory(string connectionString) : Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program>
    {
        public HttpClient CreateBrowserClient() =>
            CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });

        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("ConnectionStrings:JiuTracker", connectionString);
            builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
            // Production is served over HTTPS only: the port it is served on, as a real install configures it.
            builder.UseSetting("https_port", "443");
        }
    }
}
