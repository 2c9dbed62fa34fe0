using JiuTracker.Tests.Infrastructure;
using JiuTracker.Tests.Reliability;
using JiuTracker.Web.Demo;
using JiuTracker.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace JiuTracker.Tests.Demo;

/// <summary>
/// Demo mode (Development, as <c>dotnet run</c> starts it) run as a process over real databases: it fills only an
/// empty database, marks it as a demo database, audits what it adds, and never touches a real install's database.
/// </summary>
[Trait(TestCategories.Category, TestCategories.Slow)]
public sealed class DemoDatabaseTests : IDisposable
{
    private const string NotADemoDatabase = "The database is not a demo database: no demo accounts or demo data are added";
    private const string RealAdmin = "real.admin@example.org";
    private const string RealPassword = "Real-Passw0rd-2026";

    private readonly RunFolder _folder = new();

    private string DatabasePath => _folder.DatabasePath;

    public void Dispose() => _folder.Dispose();

    private Task<T> QueryAsync<T>(Func<JiuTracker.Web.Data.JiuDbContext, Task<T>> query) => WebAppProcess.QueryAsync(DatabasePath, query);

    private async Task<JiuTracker.Reliability.AppProcess> StartDemoModeAsync()
    {
        var app = WebAppProcess.Start("Development", DatabasePath);
        await app.WaitUntilServingAsync();
        return app;
    }

    [Fact]
    public async Task DemoMode_OnADatabaseMadeByCreateAdmin_AddsNoDemoAccountOrData_AndSaysSoInTheLog()
    {
        var (exitCode, output) = await WebAppProcess.RunCommandAsync(DatabasePath, RealPassword, "create-admin", "--email", RealAdmin);
        Assert.True(exitCode == 0, output);

        await using var app = await StartDemoModeAsync();

        Assert.False(await app.SignsInAsync(DemoAccounts.Admin, DemoData.Password), "The demo administrator signed in on a real database.");
        Assert.True(await app.SignsInAsync(RealAdmin, RealPassword), app.Output);
        Assert.Equal([RealAdmin], await QueryAsync(db => db.Users.Select(u => u.Email!).ToListAsync()));
        Assert.Equal(0, await QueryAsync(db => db.Reports.CountAsync()));
        Assert.Equal([AdminAction.AccountCreated], await QueryAsync(db => db.AdminAudit.Select(a => a.Action).ToListAsync()));
        Assert.Contains(NotADemoDatabase, app.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DemoMode_OnADatabaseHoldingImportedReports_AddsNoDemoAccountOrSeedReport()
    {
        var document = Path.Combine(_folder.FullName, "minimal.txt");
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Import", "Documents", "minimal.txt"), document);
        // minimal.txt states no date its statuses are as of: the command is told one.
        var (exitCode, output) = await WebAppProcess.RunCommandAsync(DatabasePath, "", "import", document, "--as-of", "2022-06-30");
        Assert.True(exitCode == 0, output);
        var reports = await QueryAsync(db => db.Reports.Select(r => r.Symbol).OrderBy(s => s).ToListAsync());
        var focalPoints = await QueryAsync(db => db.FocalPoints.CountAsync());

        await using var app = await StartDemoModeAsync();

        Assert.Equal(0, await QueryAsync(db => db.Users.CountAsync()));
        Assert.Equal(reports, await QueryAsync(db => db.Reports.Select(r => r.Symbol).OrderBy(s => s).ToListAsync()));
        Assert.Equal(focalPoints, await QueryAsync(db => db.FocalPoints.CountAsync(f => f.UserId == null)));
        Assert.Contains(NotADemoDatabase, app.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DemoMode_OnAnEmptyDatabase_CreatesTheDemo_AndAuditsEverythingItAdds()
    {
        await using var app = await StartDemoModeAsync();

        Assert.DoesNotContain(NotADemoDatabase, app.Output, StringComparison.Ordinal);
        Assert.True(await app.SignsInAsync(DemoAccounts.Admin, DemoData.Password), app.Output);
        var audit = await QueryAsync(db => db.AdminAudit.ToListAsync());
        var marker = Assert.Single(audit, a => a.Action == AdminAction.DemoDatabaseCreated);
        Assert.Equal(DemoData.AuditAuthor, marker.By);
        Assert.Equal(marker.Id, audit.Min(a => a.Id));
        Assert.All(audit, a => Assert.Equal(DemoData.AuditAuthor, a.By));
        var users = await QueryAsync(db => db.Users.Select(u => u.Email!).OrderBy(e => e).ToListAsync());
        Assert.Equal(9, users.Count);
        Assert.Equal(users, audit.Where(a => a.Action == AdminAction.AccountCreated).Select(a => a.Subject).OrderBy(e => e));
        Assert.Single(audit, a => a.Action == AdminAction.DocumentImported);
        var linked = await QueryAsync(db => db.FocalPoints.CountAsync(f => f.UserId != null));
        Assert.True(linked > 0);
        Assert.Equal(linked, audit.Count(a => a.Action == AdminAction.FocalPointLinked));
        Assert.Equal(4, await QueryAsync(db => db.Reports.CountAsync()));
    }

    [Fact]
    public async Task DemoMode_RestartedOnItsOwnDemoDatabase_StartsAsBefore_AndAddsNothingTwice()
    {
        await using (var first = await StartDemoModeAsync())
        {
            await first.StopAsync();
        }

        var before = await CountsAsync();

        await using var again = await StartDemoModeAsync();

        Assert.DoesNotContain(NotADemoDatabase, again.Output, StringComparison.Ordinal);
        Assert.True(await again.SignsInAsync(DemoAccounts.AndersNorsker, DemoData.Password), again.Output);
        Assert.Equal(before, await CountsAsync());
    }

    private Task<int[]> CountsAsync() => QueryAsync(async db => new[]
    {
        await db.Users.CountAsync(), await db.Reports.CountAsync(), await db.Recommendations.CountAsync(),
        await db.FocalPoints.CountAsync(), await db.AdminAudit.CountAsync(),
    });
}
