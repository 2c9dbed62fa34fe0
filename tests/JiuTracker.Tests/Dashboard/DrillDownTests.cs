using System.Net;
using JiuTracker.Tests.Infrastructure;

namespace JiuTracker.Tests.Dashboard;

/// <summary>Every number is a link to its rows, and the CSV export of those rows has exactly that many.</summary>
public class DrillDownTests(JiuTrackerFactory app) : IClassFixture<JiuTrackerFactory>
{
    [Theory]
    [InlineData("")]
    [InlineData("?from=2020&to=2020&addressee=legislative-bodies")]
    [InlineData("?unit=GS/SPM")]
    [InlineData("/Breakdown?by=focal-point")]
    public async Task EveryNumberOnTheDashboardAndItsWholeLists_EqualsTheRowsOfItsListAndOfItsCsvExport(string query)
    {
        var client = await app.SignedInClientAsync(DemoAccounts.Auditor);
        var page = await DashboardPage.OpenAsync(client, query);
        var links = page.NumberLinks().ToList();
        Assert.True(links.Count > 40, $"only {links.Count} number links");

        foreach (var (shown, url) in links.DistinctBy(l => l.Url))
        {
            var list = await client.GetDocumentAsync(url);
            Assert.True(shown.ToString(System.Globalization.CultureInfo.InvariantCulture) == list.QuerySelector("#count")!.TextContent, $"{url}: the list says {list.QuerySelector("#count")!.TextContent}, the dashboard {shown}");

            var csvUrl = list.QuerySelector("#csv")!.GetAttribute("href")!;
            Assert.StartsWith("/export/recommendations.csv", csvUrl, StringComparison.Ordinal);
            var csv = await client.GetStringAsync(csvUrl);
            Assert.True(shown == CsvText.DataRows(csv), $"{csvUrl}: {CsvText.DataRows(csv)} rows for the number {shown}");
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("?from=2020&to=2020&addressee=legislative-bodies&interval=year&trendFrom=2021")]
    public async Task EveryNumberOverTime_EqualsTheRowsOfItsListOrOfItsCsvAsOfItsDay(string query)
    {
        var client = await app.SignedInClientAsync(DemoAccounts.Auditor);
        var page = await client.GetDocumentAsync("/Dashboard/Trends" + query);
        var lists = new DashboardPage(page).NumberLinks().DistinctBy(l => l.Url).ToList();
        var asOfCsvs = page.QuerySelectorAll("#trend a[href^='/export/recommendations.csv']")
            .Select(a => (Shown: int.Parse(a.TextContent, System.Globalization.CultureInfo.InvariantCulture), Url: a.GetAttribute("href")!)).ToList();
        Assert.True(lists.Count >= 4, $"only {lists.Count} links to lists");
        Assert.True(asOfCsvs.Count >= 4, $"only {asOfCsvs.Count} links to CSVs as of a day");
        Assert.All(asOfCsvs, link => Assert.Contains("asOf=", link.Url, StringComparison.Ordinal));

        foreach (var (shown, url) in lists)
        {
            var list = await client.GetDocumentAsync(url);
            Assert.True(shown.ToString(System.Globalization.CultureInfo.InvariantCulture) == list.QuerySelector("#count")!.TextContent, $"{url}: the list says {list.QuerySelector("#count")!.TextContent}, the page {shown}");
        }

        foreach (var (shown, url) in asOfCsvs)
        {
            var csv = await client.GetStringAsync(url);
            Assert.True(shown == CsvText.DataRows(csv), $"{url}: {CsvText.DataRows(csv)} rows for the number {shown}");
        }
    }

    [Fact]
    public async Task DrillDown_ListsTheRecommendationsBehindAFigure()
    {
        var client = await app.SignedInClientAsync(DemoAccounts.Management);

        var list = await client.GetDocumentAsync("/Dashboard/Recommendations?figure=NoDecision");

        Assert.Equal("2", list.QuerySelector("#count")!.TextContent);
        var rows = list.QuerySelectorAll("tbody tr").Select(r => r.QuerySelector("td")!.TextContent + " " + r.QuerySelector("th")!.TextContent).ToList();
        Assert.Equal(["JIU/REP/2020/8 Recommendation 7", "JIU/REP/2020/8 Recommendation 8"], rows);
    }

    [Theory]
    [InlineData("figure=Everything", "Unknown figure \"Everything\"")]
    [InlineData("figure=99", "Unknown figure \"99\"")]
    [InlineData("from=2022&to=2020", "runs backwards")]
    public async Task CsvExport_WithAFilterThatCannotBeUsed_IsRefusedWithTheReason(string query, string message)
    {
        var client = await app.SignedInClientAsync(DemoAccounts.Auditor);

        var response = await client.GetAsync("/export/recommendations.csv?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
