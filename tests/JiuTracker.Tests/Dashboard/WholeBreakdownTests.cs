using System.Globalization;
using AngleSharp.Html.Dom;
using JiuTracker.Tests.Infrastructure;
using JiuTracker.Web.Demo;
using Microsoft.EntityFrameworkCore;

namespace JiuTracker.Tests.Dashboard;

/// <summary>
/// With more reports than the dashboard shows (the seed and generated reports of 2000–2019 and 2022–2025), the
/// dashboard shows the first rows of the long breakdowns and links to every row, a hundred a page.
/// </summary>
public class WholeBreakdownTests(JiuTrackerFactory app) : IClassFixture<JiuTrackerFactory>, IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        await using var db = app.CreateDbContext();
        if (await db.Reports.AnyAsync(r => r.Year < 2020 || r.Year > 2021))
        {
            return;
        }

        var generator = new GeneratedData(seed: 11, DateTimeOffset.UtcNow);
        var people = generator.People(12).ToList();
        db.FocalPoints.AddRange(people);
        await db.SaveChangesAsync();
        db.Reports.AddRange(generator.Reports(0, 130, people).Where(r => r.Year < 2020 || r.Year > 2021));
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task TheDashboard_ShowsTheLatestTenReports_SaysSo_AndLinksToAllOfThem()
    {
        var client = await app.SignedInClientAsync(DemoAccounts.Management);
        var reports = await app.QueryAsync(db => db.Reports.CountAsync());
        Assert.True(reports > 100, $"only {reports} reports");

        var dashboard = await DashboardPage.OpenAsync(client);
        var shown = dashboard.Breakdown("Per report");
        Assert.Equal(10, shown.Count);
        Assert.Contains($"The first 10 of {reports} rows are shown, the latest reports first.", Caption(dashboard.Document, "Per report"), StringComparison.Ordinal);
        var link = dashboard.Document.QuerySelector("a[data-whole-list=report]")!;
        Assert.Equal($"All {reports} rows per report", link.TextContent.Trim());

        var first = new DashboardPage(await client.GetDocumentAsync(link.GetAttribute("href")!));
        var firstRows = first.Breakdown("Per report");
        Assert.Equal(100, firstRows.Count);
        Assert.Contains($"Rows 1–100 of {reports}, the latest reports first.", Caption(first.Document, "Per report"), StringComparison.Ordinal);
        foreach (var (symbol, cells) in shown)
        {
            Assert.Equal(cells, firstRows[symbol]);
        }

        var next = first.Document.QuerySelectorAll("a.page-link").Single(a => a.TextContent == "Next page").GetAttribute("href")!;
        var second = new DashboardPage(await client.GetDocumentAsync(next)).Breakdown("Per report");
        Assert.Equal(reports - 100, second.Count);
        Assert.Empty(firstRows.Keys.Intersect(second.Keys));

        // Every recommendation in force is in exactly one report's row.
        var perReport = firstRows.Values.Concat(second.Values).Sum(cells => int.Parse(cells[0], CultureInfo.InvariantCulture));
        Assert.Equal(dashboard.Figure("All"), perReport);
    }

    [Theory]
    [InlineData("focal-point", "Per focal point")]
    [InlineData("unit", "Per unit")]
    public async Task TheWholeList_OfFocalPointsAndUnits_HasEveryOneWithTheFilter(string by, string title)
    {
        var client = await app.SignedInClientAsync(DemoAccounts.Management);
        var dashboard = await DashboardPage.OpenAsync(client, "?from=2000&to=2019");
        Assert.Equal(10, dashboard.Breakdown(title).Count);

        var href = dashboard.Document.QuerySelector($"a[data-whole-list={by}]")!.GetAttribute("href")!;
        Assert.Contains("from=2000", href, StringComparison.Ordinal);
        var whole = await client.GetDocumentAsync(href);
        var rows = new DashboardPage(whole).Breakdown(title);
        var expected = by == "unit"
            ? await app.QueryAsync(db => db.Reports.Where(r => r.Year <= 2019).SelectMany(r => r.FocalPoints).Select(f => f.Unit).Distinct().CountAsync())
            : await app.QueryAsync(db => db.Reports.Where(r => r.Year <= 2019).SelectMany(r => r.FocalPoints).Select(f => f.Id).Distinct().CountAsync());
        Assert.True(expected > 10, $"only {expected} {by} rows to show");
        Assert.Equal(expected, rows.Count);
        Assert.Contains("Recommendations in force of the reports of 2000–2019.", whole.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShortBreakdowns_AreShownWhole_WithoutALinkToTheList()
    {
        var client = await app.SignedInClientAsync(DemoAccounts.Management);
        var dashboard = await DashboardPage.OpenAsync(client);
        var years = await app.QueryAsync(db => db.Reports.Select(r => r.Year).Distinct().CountAsync());
        Assert.True(years > 10, $"only {years} years");

        Assert.Equal(years, dashboard.Breakdown("Per report year").Count);
        Assert.Null(dashboard.Document.QuerySelector("a[data-whole-list=year]"));
    }

    [Theory]
    [InlineData("?by=reports", "Breakdown: there is no breakdown \"reports\"; choose one of report, year, addressee, unit, focal-point.")]
    [InlineData("", "Breakdown: say which one, as by= one of report, year, addressee, unit, focal-point.")]
    public async Task AnUnknownBreakdown_IsSaidInWords_AndNoTableIsShown(string query, string message)
    {
        var client = await app.SignedInClientAsync(DemoAccounts.Auditor);
        var page = await client.GetDocumentAsync("/Dashboard/Breakdown" + query);

        Assert.Contains(message, page.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("table.breakdown"));
    }

    [Fact]
    public async Task TheDashboard_SaysWhenItsFiguresAreAsOf_AndWhatTheFilterSelects_InWords()
    {
        var client = await app.SignedInClientAsync(DemoAccounts.Management);
        var person = await app.QueryAsync(db => db.FocalPoints.Where(f => f.Name == "Robin Zuercher").Select(f => new { f.Id, f.Name }).SingleAsync());
        var before = DateTimeOffset.UtcNow;

        var page = await client.GetDocumentAsync($"/Dashboard?from=2020&to=2021&addressee=executive-heads&focalPoint={person.Id}");

        var line = page.QuerySelector("#figures-as-of")!.TextContent;
        var shown = DateTimeOffset.ParseExact(
            System.Text.RegularExpressions.Regex.Match(line, @"Figures as of (\d{4}-\d\d-\d\d \d\d:\d\d) UTC").Groups[1].Value + "Z",
            "yyyy-MM-dd HH:mmK", CultureInfo.InvariantCulture);
        Assert.InRange(shown, before.AddMinutes(-1), DateTimeOffset.UtcNow);
        Assert.Equal("Recommendations in force of the reports of 2020–2021, addressed to executive heads, of the reports of Robin Zuercher.",
            page.QuerySelector("#figures-selection")!.TextContent);
        Assert.Equal("All recommendations in force.", (await client.GetDocumentAsync("/Dashboard")).QuerySelector("#figures-selection")!.TextContent);
    }

    [Fact]
    public async Task TheMixChart_DrawsTheReportsOfTheTable_AndItsLegendSaysHowItsCountsDifferFromTheRate()
    {
        var client = await app.SignedInClientAsync(DemoAccounts.Management);
        var reports = await app.QueryAsync(db => db.Reports.CountAsync());

        var dashboard = await DashboardPage.OpenAsync(client);

        Assert.Equal($"Acceptance and implementation mix per report, the latest 10 of {reports} reports", dashboard.Document.QuerySelector("#mix-title")!.TextContent);
        var legend = dashboard.Document.QuerySelector("#mix-title")!.Closest("figure")!.QuerySelector("figcaption")!.TextContent;
        Assert.DoesNotContain("gives the same numbers", legend, StringComparison.Ordinal);
        Assert.Contains("its implementation rate counts accepted recommendations only", System.Text.RegularExpressions.Regex.Replace(legend, @"\s+", " "), StringComparison.Ordinal);
        var drawn = System.Text.RegularExpressions.Regex.Count(dashboard.Document.QuerySelector("#mix-desc")!.TextContent, @"JIU/(REP|NOTE)/\d{4}/\d+:");
        Assert.Equal(10, drawn);
    }

    private static string Caption(IHtmlDocument page, string title) =>
        page.QuerySelectorAll("table.breakdown caption").Single(c => c.TextContent.StartsWith(title + ".", StringComparison.Ordinal)).TextContent;
}
