using JiuTracker.Tests.Infrastructure;
using JiuTracker.Web.Caching;
using JiuTracker.Web.Data;
using JiuTracker.Web.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace JiuTracker.Tests.Caching;

/// <summary>
/// Every save that changes anything raises the one data version (decision 019), so kept pages show changes that write
/// neither history nor audit: a focal point renamed, an account changed, a table no page reads yet.
/// </summary>
public class DataVersionTests(JiuTrackerFactory app) : IClassFixture<JiuTrackerFactory>
{
    [Fact]
    public async Task FocalPointRenamed_WithoutHistoryOrAudit_ShowsAtOnceOnEveryKeptPage()
    {
        var client = await app.SignedInClientAsync(DemoAccounts.Management);
        var assigned = await app.QueryAsync(db => db.Reports.Where(r => r.Symbol == "JIU/REP/2020/8")
            .SelectMany(r => r.FocalPoints, (r, f) => new { FocalPointId = f.Id, ReportId = r.Id }).FirstAsync());
        var (focalPointId, reportId) = (assigned.FocalPointId, assigned.ReportId);
        var pages = new[] { "/Reports", $"/Reports/Details/{reportId}", "/Dashboard" };
        foreach (var page in pages)
        {
            Assert.DoesNotContain("Renamed Quietly", await client.GetStringAsync(page));
        }

        await using (var db = app.CreateDbContext())
        {
            var focalPoint = await db.FocalPoints.SingleAsync(f => f.Id == focalPointId);
            focalPoint.Revise(focalPoint.Title, "Renamed Quietly", focalPoint.Unit);
            var audit = await db.AdminAudit.CountAsync();
            var history = await db.History.CountAsync();
            await db.SaveChangesAsync();
            Assert.Equal((audit, history), (await db.AdminAudit.CountAsync(), await db.History.CountAsync()));
        }

        foreach (var page in pages)
        {
            Assert.Contains("Renamed Quietly", await client.GetStringAsync(page));
        }
    }

    [Fact]
    public async Task AccountChangedThroughIdentity_RaisesTheVersion()
    {
        var before = await VersionAsync();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
            var user = await users.FindByEmailAsync(DemoAccounts.Auditor);
            Assert.True((await users.UpdateSecurityStampAsync(user!)).Succeeded);
        }

        var after = await VersionAsync();
        Assert.True(after.Saves == before.Saves + 1, $"saves {before.Saves} → {after.Saves}");
        Assert.True(after.SavesBeyondHistory == before.SavesBeyondHistory + 1, "an account change is more than history");
    }

    [Fact]
    public async Task StatusChange_RaisesTheVersion_AsHistoryOnly()
    {
        var before = await VersionAsync();
        await using (var db = app.CreateDbContext())
        {
            var recommendation = await db.Recommendations.InForce().Where(r => r.InformationOnlyNote == null).OrderBy(r => r.Id).FirstAsync();
            var next = recommendation.Acceptance == Acceptance.UnderConsideration ? Acceptance.NotAccepted : Acceptance.UnderConsideration;
            recommendation.UpdateStatus(next, null, new ChangeStamp("Data version test", DateTimeOffset.UtcNow), ClosureValidation.NotRequired);
            await db.SaveChangesAsync();
        }

        var after = await VersionAsync();
        Assert.Equal(before.Saves + 1, after.Saves);
        Assert.Equal(before.SavesBeyondHistory, after.SavesBeyondHistory);
        Assert.True(after.OnlyHistoryAddedSince(before));
        Assert.True(after.History > before.History);
    }

    [Fact]
    public async Task SaveThatFails_LeavesTheVersion_AndTheNextSaveWorks()
    {
        var before = await VersionAsync();
        await using var db = app.CreateDbContext();
        var existing = await db.Reports.OrderBy(r => r.Id).Select(r => r.Symbol).FirstAsync();
        Assert.True(ReportSymbol.TryParse(existing, out var symbol));
        db.Reports.Add(new Report(symbol, "The same symbol again"));
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        Assert.Equal(before, await VersionAsync());
        Assert.Null(db.Database.CurrentTransaction);

        db.ChangeTracker.Clear();
        db.Reports.Add(new Report(new ReportSymbol("NOTE", 2032, 7), "Saved after the failed save"));
        await db.SaveChangesAsync();
        Assert.Equal(before.Saves + 1, (await VersionAsync()).Saves);
    }

    [Fact]
    public async Task SaveWithNothingChanged_LeavesTheVersion()
    {
        var before = await VersionAsync();
        await using (var db = app.CreateDbContext())
        {
            _ = await db.Reports.ToListAsync();
            await db.SaveChangesAsync();
        }

        Assert.Equal(before, await VersionAsync());
    }

    protected async Task<DataVersion> VersionAsync() => await app.QueryAsync(db => DataVersion.ReadAsync(db, CancellationToken.None));
}

[Trait(TestCategories.Category, TestCategories.Slow)]
public sealed class DataVersionOnPostgreSqlTests(PostgreSqlJiuTrackerFactory app) : DataVersionTests(app), IClassFixture<PostgreSqlJiuTrackerFactory>
{
    private readonly PostgreSqlJiuTrackerFactory _app = app;

    /// <summary>
    /// Two transactions save at once, the one that started later commits first as far as it can: with the version
    /// taken from the highest ids, the later one's higher id was seen first and the earlier one's change was missed
    /// until the next change (decision 013). The version row makes the later one wait, and both are seen.
    /// </summary>
    [Fact]
    public async Task ConcurrentSaves_CommittingInReverseOrderOfTheirStart_AreBothSeen()
    {
        var client = await _app.SignedInClientAsync(DemoAccounts.Management);
        await client.GetStringAsync("/Reports");

        await using var first = _app.CreateDbContext();
        await using var firstTransaction = await first.Database.BeginTransactionAsync();
        first.Reports.Add(new Report(new ReportSymbol("NOTE", 2033, 1), "Started first, committed last"));
        await first.SaveChangesAsync();

        var second = Task.Run(async () =>
        {
            await using var db = _app.CreateDbContext();
            db.Reports.Add(new Report(new ReportSymbol("NOTE", 2033, 2), "Started second"));
            await db.SaveChangesAsync();
        });
        await Task.WhenAny(second, Task.Delay(TimeSpan.FromMilliseconds(500)));
        var between = await client.GetStringAsync("/Reports");
        await firstTransaction.CommitAsync();
        await second.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.DoesNotContain("JIU/NOTE/2033/1", between);
        var list = await client.GetStringAsync("/Reports");
        Assert.Contains("JIU/NOTE/2033/1", list);
        Assert.Contains("JIU/NOTE/2033/2", list);
    }
}
