using JiuTracker.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace JiuTracker.Tests.Dashboard;

/// <summary>The "needs attention" list, on an app whose clock the test moves.</summary>
public class NeedsAttentionTests(ClockedJiuTrackerFactory app) : IClassFixture<ClockedJiuTrackerFactory>
{
    private static List<string> Recommendations(AngleSharp.Html.Dom.IHtmlDocument page) =>
        [.. page.QuerySelectorAll("tbody tr th").Select(th => th.TextContent.Trim())];

    [Fact]
    public async Task Dashboard_ForAFocalPoint_LinksToTheirList()
    {
        var client = await app.SignedInClientAsync(DemoAccounts.RobinZuercher);

        var dashboard = await client.GetDocumentAsync("/Dashboard");

        var link = dashboard.QuerySelectorAll("a").Single(a => a.TextContent.Trim() == "My recommendations that need attention");
        Assert.Equal("/Dashboard/Attention?mine=true", link.GetAttribute("href"));
    }

    [Fact]
    public async Task MyList_ForAFocalPoint_HoldsTheirUndecidedNotStartedAndOverdueRecommendations()
    {
        var client = await app.SignedInClientAsync(DemoAccounts.RobinZuercher);

        var page = await client.GetDocumentAsync("/Dashboard/Attention?mine=true");

        // JIU/REP/2020/8: 7 and 8 have no decision; 6 is accepted but not started; 3, 4, 5, 6, 9 and 10 are overdue.
        int[] expected = [3, 4, 5, 6, 7, 8, 9, 10];
        Assert.Equal([.. expected.Select(n => $"JIU/REP/2020/8, recommendation {n}")], Recommendations(page));
        var six = page.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("th")!.TextContent.Trim().EndsWith(" 6", StringComparison.Ordinal));
        Assert.Contains("Accepted but not started; Overdue", six.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoRecentUpdate_CountsWhatNobodyTouchedForTheConfiguredMonths_AndAnUpdateClearsIt()
    {
        // The seed's statuses are dated 2021-12-31, the day it states (decision 034), years ago: every one not
        // implemented and not for information only counts at once (23 - 7 implemented - 1 information only).
        Assert.Equal(15, (await DashboardPage.OpenAsync(await app.SignedInClientAsync(DemoAccounts.Management))).Figure("NoRecentUpdate"));
        var focalPoint = await app.SignedInClientAsync(DemoAccounts.MartinAdolph);
        var id = await app.QueryAsync(db => db.Recommendations.Where(r => r.Report.Symbol == "JIU/REP/2020/7" && r.Number == 2).Select(r => r.Id).SingleAsync());
        await focalPoint.SubmitFormAsync($"/Recommendations/Edit/{id}", new Dictionary<string, string> { ["Input.NewComment"] = "Reviewed on the first day." });
        Assert.Equal(14, (await DashboardPage.OpenAsync(await app.SignedInClientAsync(DemoAccounts.Management))).Figure("NoRecentUpdate"));

        app.Clock.Advance(TimeSpan.FromDays(7 * 31));
        // Sign in again: the sessions opened seven months ago have expired.
        var client = await app.SignedInClientAsync(DemoAccounts.Management);

        // Seven months later the one reviewed is not recent any more either.
        Assert.Equal(15, (await DashboardPage.OpenAsync(client)).Figure("NoRecentUpdate"));
        focalPoint = await app.SignedInClientAsync(DemoAccounts.MartinAdolph);
        await focalPoint.SubmitFormAsync($"/Recommendations/Edit/{id}", new Dictionary<string, string> { ["Input.NewComment"] = "Reviewed this month." });
        Assert.Equal(14, (await DashboardPage.OpenAsync(client)).Figure("NoRecentUpdate"));
    }
}
