using System.Globalization;
using CsvHelper;
using JiuTracker.Tests.Infrastructure;
using JiuTracker.Tests.Web;
using Microsoft.EntityFrameworkCore;

namespace JiuTracker.Tests.Dashboard;

/// <summary>The needs-attention list takes editors to the edit form, names whom to ask, and exports as CSV.</summary>
public class AttentionListTests(JiuTrackerFactory app) : IClassFixture<JiuTrackerFactory>
{
    private static IEnumerable<AngleSharp.Dom.IElement> RowsOf(AngleSharp.Html.Dom.IHtmlDocument page, string symbol) =>
        page.QuerySelectorAll("tbody tr").Where(r => r.QuerySelector("th")!.TextContent.Trim().StartsWith(symbol + ",", StringComparison.Ordinal));

    [Fact]
    public async Task Rows_OfTheFocalPointsReports_OpenTheEditForm()
    {
        var seven = await app.RecommendationIdAsync(SeedReports.Environment, 7);
        var client = await app.SignedInClientAsync(DemoAccounts.RobinZuercher);

        var page = await client.GetDocumentAsync("/Dashboard/Attention");

        var row = RowsOf(page, SeedReports.Environment).Single(r => r.QuerySelector("th")!.TextContent.Trim().EndsWith(" 7", StringComparison.Ordinal));
        Assert.Equal($"/Recommendations/Edit/{seven}", row.QuerySelector("th a")!.GetAttribute("href"));
        var others = page.QuerySelectorAll("tbody th a").Where(a => !a.TextContent.StartsWith(SeedReports.Environment, StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(others);
        Assert.All(others, a => Assert.StartsWith("/Reports/Details/", a.GetAttribute("href"), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Rows_ForManagement_LinkToTheReport_AndNameTheFocalPointsWithTheirUnit()
    {
        var expected = await app.QueryAsync(db => db.FocalPoints.Where(p => p.Reports.Any(r => r.Symbol == SeedReports.Environment)).Select(p => new { p.Name, p.Unit }).ToListAsync());
        var client = await app.SignedInClientAsync(DemoAccounts.Management);

        var page = await client.GetDocumentAsync("/Dashboard/Attention");

        Assert.DoesNotContain(page.QuerySelectorAll("tbody th a"), a => a.GetAttribute("href")!.StartsWith("/Recommendations/Edit/", StringComparison.Ordinal));
        var focalPoints = RowsOf(page, SeedReports.Environment).First().QuerySelectorAll("td")[^1].TextContent;
        Assert.NotEmpty(expected);
        Assert.All(expected, p => Assert.Contains($"{p.Name} ({p.Unit})", focalPoints, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("")]
    [InlineData("?from=2021")]
    public async Task CsvOfTheList_HoldsEveryRowOfTheList_InItsOrder_WithFocalPoints(string query)
    {
        var client = await app.SignedInClientAsync(DemoAccounts.Management);
        var page = await client.GetDocumentAsync("/Dashboard/Attention" + query);
        var listed = page.QuerySelectorAll("tbody th").Select(th => th.TextContent.Trim()).ToList();

        var link = page.QuerySelectorAll("a").Single(a => a.TextContent == "Download the whole list as CSV");
        using var reader = CsvReader.FromText(await client.GetStringAsync(link.GetAttribute("href")!));
        var exported = new List<string>();
        while (reader.Read())
        {
            exported.Add($"{reader.GetString("report_symbol")}, recommendation {reader.GetString("recommendation_number")}");
            if (reader.GetString("report_symbol") == SeedReports.Environment)
            {
                Assert.NotEqual("", reader.GetString("focal_points"));
            }
        }

        Assert.NotEmpty(listed);
        // The same rows in the same order: the list and every export use one list order.
        Assert.Equal(listed, exported);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"{listed.Count} recommendation(s) need attention"), page.QuerySelector("caption")!.TextContent, StringComparison.Ordinal);
    }
}
