using System.Diagnostics;
using System.Net;
using JiuTracker.Tests.Infrastructure;
using JiuTracker.Tests.Web;
using JiuTracker.Web.Data;
using JiuTracker.Web.Domain;
using JiuTracker.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace JiuTracker.Tests.Data;

/// <summary>The <c>copy-database</c> command run as a person runs it, from the app's SQLite database into PostgreSQL.</summary>
[Trait(TestCategories.Category, TestCategories.Slow)]
public class CopyDatabaseCommandTests(JiuTrackerFactory app) : IClassFixture<JiuTrackerFactory>
{
    private async Task<(int ExitCode, string Output, string Errors)> CopyAsync(params string[] operands)
    {
        _ = app.Services;
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(app.DatabasePath)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["ASPNETCORE_ENVIRONMENT"] = "Production", ["DOTNET_ENVIRONMENT"] = "Production" },
        };
        foreach (var argument in (string[])[typeof(Program).Assembly.Location, "copy-database", .. operands, $"--ConnectionStrings:JiuTracker={app.Database.ConnectionString}"])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        return (process.ExitCode, await output, await errors);
    }

    private static async Task<long[]> CountsAsync(JiuDbContext db) =>
    [
        await db.Reports.LongCountAsync(), await db.Recommendations.LongCountAsync(), await db.History.LongCountAsync(),
        await db.Comments.LongCountAsync(), await db.FocalPoints.LongCountAsync(), await db.AdminAudit.LongCountAsync(),
        await db.Users.LongCountAsync(), await db.Roles.LongCountAsync(), await db.UserRoles.LongCountAsync(),
        await db.DataProtectionKeys.LongCountAsync(),
        await db.Reports.SelectMany(r => r.FocalPoints).LongCountAsync(),
    ];

    [Fact]
    public async Task CopyDatabase_IntoAnEmptyPostgreSqlDatabase_CopiesEveryTable_AndPrintsTheCountsOnBothSides()
    {
        var client = await app.SignedInClientAsync(DemoAccounts.AndersNorsker);
        var id = await app.RecommendationIdAsync(SeedReports.Cybersecurity, 1);
        await client.SubmitFormAsync($"/Recommendations/Edit/{id}", new Dictionary<string, string> { ["Input.NewComment"] = "Before the move." });
        await using (var db = app.CreateDbContext())
        {
            db.RecordAdminChange(new ChangeStamp("test", DateTimeOffset.UtcNow), AdminAction.ReportRevised, SeedReports.Cybersecurity, "Before the move.");
            await db.SaveChangesAsync();
        }

        var target = DatabaseConnection.PostgreSql(PostgreSqlServer.CreateDatabase());

        var (exitCode, output, errors) = await CopyAsync("--to", target.ConnectionString);

        Assert.True(exitCode == 0, errors + output);
        Assert.Matches(@"History\s+[1-9][\d,]*\s+[1-9][\d,]*", output);
        Assert.Matches(@"AspNetUsers\s+([1-9][\d,]*)\s+\1", output);
        Assert.Contains("every count matches on both sides", output, StringComparison.Ordinal);
        await using var from = app.CreateDbContext();
        await using var to = target.CreateContext();
        var expected = await CountsAsync(from);
        Assert.All(expected, count => Assert.True(count > 0));
        Assert.Equal(expected, await CountsAsync(to));
        // PostgreSQL keeps instants to the microsecond.
        static async Task<List<(int, string, string, long)>> CommentsAsync(JiuDbContext db) =>
            (await db.Comments.OrderBy(c => c.Id).ToListAsync()).Select(c => (c.Id, c.Text, c.Author, c.CreatedAt.UtcTicks / 10)).ToList();
        Assert.Equal(await CommentsAsync(from), await CommentsAsync(to));
    }

    [Fact]
    public async Task CopiedDatabase_SignsInTheSameAccounts_AndTakesNewChanges()
    {
        var target = DatabaseConnection.PostgreSql(PostgreSqlServer.CreateDatabase());
        Assert.Equal(0, (await CopyAsync("--to", target.ConnectionString)).ExitCode);
        using var moved = new ExistingDatabaseJiuTrackerFactory(target);
        var id = await moved.RecommendationIdAsync(SeedReports.Cybersecurity, 2);
        var historyBefore = await moved.QueryAsync(db => db.History.CountAsync());

        var client = await moved.SignedInClientAsync(DemoAccounts.AndersNorsker);
        var response = await client.SubmitFormAsync($"/Recommendations/Edit/{id}", new Dictionary<string, string> { ["Input.NewComment"] = "After the move." });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True(await moved.QueryAsync(db => db.Comments.AnyAsync(c => c.RecommendationId == id && c.Text == "After the move.")));
        Assert.Equal(historyBefore + 1, await moved.QueryAsync(db => db.History.CountAsync()));
    }

    [Fact]
    public async Task CopyDatabase_IntoADatabaseThatIsNotEmpty_IsRefused_AndChangesNothing()
    {
        var target = DatabaseConnection.PostgreSql(PostgreSqlServer.CreateDatabase());
        Assert.Equal(0, (await CopyAsync("--to", target.ConnectionString)).ExitCode);
        await using var to = target.CreateContext();
        var before = await CountsAsync(to);

        var (exitCode, output, errors) = await CopyAsync("--to", target.ConnectionString);

        Assert.Equal(2, exitCode);
        Assert.Contains("the target database is not empty", errors, StringComparison.Ordinal);
        Assert.Contains("nothing was changed", errors, StringComparison.Ordinal);
        Assert.Equal("", output);
        Assert.Equal(before, await CountsAsync(to));
    }

    [Fact]
    public async Task CopyDatabase_WithoutATarget_SaysHowToUseIt()
    {
        var (exitCode, _, errors) = await CopyAsync();

        Assert.Equal(2, exitCode);
        Assert.Contains("Usage: copy-database --to", errors, StringComparison.Ordinal);
    }
}
