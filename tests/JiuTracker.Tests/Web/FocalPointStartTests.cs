using System.Net;
using JiuTracker.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace JiuTracker.Tests.Web;

/// <summary>A focal point starts from their own reports: what needs an update, and the way into editing it.</summary>
public class FocalPointStartTests(JiuTrackerFactory app) : IClassFixture<JiuTrackerFactory>
{
    private Task<List<string>> OwnSymbolsAsync(string email) => app.QueryAsync(db => db.Reports
        .Where(r => r.FocalPoints.Any(p => db.Users.Any(u => u.Id == p.UserId && u.Email == email)))
        .Select(r => r.Symbol).OrderBy(s => s).ToListAsync());

    [Theory]
    [InlineData(DemoAccounts.RobinZuercher, "/Reports/Mine")]
    [InlineData(DemoAccounts.Management, "/Reports")]
    [InlineData(DemoAccounts.Auditor, "/Reports")]
    public async Task HomePage_SendsAFocalPointToTheirReports_AndOthersToTheList(string email, string expected)
    {
        var client = await app.SignedInClientAsync(email);

        var response = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task MyReports_ListsTheFocalPointsReports_WithTheirCountNeedingAnUpdate_MatchingItsList()
    {
        var client = await app.SignedInClientAsync(DemoAccounts.AndersNorsker);

        var page = await client.GetDocumentAsync("/Reports/Mine");

        var rows = page.QuerySelectorAll("tbody tr");
        Assert.Equal(await OwnSymbolsAsync(DemoAccounts.AndersNorsker), rows.Select(r => r.QuerySelector("th")!.TextContent.Trim()).Order(StringComparer.Ordinal));
        var row = rows.Single(r => r.QuerySelector("th")!.TextContent.Trim() == SeedReports.Cybersecurity);
        var reportId = await app.ReportIdAsync(SeedReports.Cybersecurity);
        Assert.Contains(row.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"/Reports/Update/{reportId}");
        var countLink = row.QuerySelectorAll("td")[2].QuerySelector("a")!;
        var count = int.Parse(countLink.TextContent.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(count > 0, "the seed leaves JIU/REP/2021/3 with recommendations to update");
        var list = await client.GetDocumentAsync(countLink.GetAttribute("href")!);
        Assert.Equal(count.ToString(System.Globalization.CultureInfo.InvariantCulture), list.QuerySelector("#count")!.TextContent);
    }

    [Fact]
    public async Task MyReports_AfterEveryRecommendationIsImplemented_ShowsNoneToUpdate()
    {
        var reportId = await app.ReportIdAsync(SeedReports.Environment);
        var client = await app.SignedInClientAsync(DemoAccounts.RobinZuercher);
        var form = await client.GetDocumentAsync($"/Reports/Update/{reportId}");
        var fields = new Dictionary<string, string>();
        for (var i = 0; i < form.QuerySelectorAll("tbody tr").Length; i++)
        {
            fields[$"Rows[{i}].Acceptance"] = "Accepted";
            fields[$"Rows[{i}].Implementation"] = "Implemented";
        }

        var saved = await client.SubmitFormAsync(form, $"/Reports/Update/{reportId}", fields);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var row = (await client.GetDocumentAsync("/Reports/Mine")).QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("th")!.TextContent.Trim() == SeedReports.Environment);
        Assert.Equal("None", row.QuerySelectorAll("td")[2].TextContent.Trim());
    }

    [Fact]
    public async Task MyReports_ForAnAccountWithNoReportAssigned_SaysSo()
    {
        var client = await app.SignedInClientAsync(DemoAccounts.Admin);

        var page = await client.GetDocumentAsync("/Reports/Mine");

        Assert.Empty(page.QuerySelectorAll("tbody tr"));
        Assert.Contains("No report is assigned to you", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReportsList_MarksTheFocalPointsOwnReports_AndFiltersToThem()
    {
        var own = await OwnSymbolsAsync(DemoAccounts.AndersNorsker);
        var client = await app.SignedInClientAsync(DemoAccounts.AndersNorsker);

        var all = await client.GetDocumentAsync("/Reports");
        var mine = await client.GetDocumentAsync("/Reports?mine=true");

        var marked = all.QuerySelectorAll("tbody th").Where(th => th.QuerySelector(".own-report") is not null).Select(th => th.QuerySelector("a")!.TextContent).Order(StringComparer.Ordinal);
        Assert.Equal(own, marked);
        Assert.True(all.QuerySelectorAll("tbody tr").Length > own.Count);
        Assert.Equal(own, mine.QuerySelectorAll("tbody th a").Select(a => a.TextContent).Order(StringComparer.Ordinal));
        Assert.NotNull(all.GetElementById("mine"));
    }

    [Fact]
    public async Task ReportsList_ForManagement_MarksNothing_AndOffersNoMineFilter()
    {
        var client = await app.SignedInClientAsync(DemoAccounts.Management);

        var all = await client.GetDocumentAsync("/Reports");

        Assert.Empty(all.QuerySelectorAll(".own-report"));
        Assert.Null(all.GetElementById("mine"));
    }
}
