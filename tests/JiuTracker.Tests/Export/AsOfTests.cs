using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using JiuTracker.Tests.Infrastructure;
using JiuTracker.Web.Data;
using JiuTracker.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace JiuTracker.Tests.Export;

/// <summary>
/// Pages and exports "as of" a day, rebuilt from the history. The story, on the app's clock: the seed is imported on
/// day 0, its statuses dated 2021-12-31, the day it states (decision 034); on day 2 JIU/REP/2020/7 recommendation 2 goes from Not started to In progress with a comment; on day 5 its
/// focal point claims implementation, the coordinator validates it (it becomes Implemented) and a recommendation 9 is registered.
/// </summary>
public class AsOfTests : IClassFixture<ClockedJiuTrackerFactory>, IAsyncLifetime
{
    private readonly ClockedJiuTrackerFactory _app;
    private DateOnly _day0;
    private int _reportId;

    public AsOfTests(ClockedJiuTrackerFactory app) => _app = app;

    private string Day(int n) => _day0.AddDays(n).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public async Task InitializeAsync()
    {
        _day0 = _app.StartDay;
        _reportId = await _app.QueryAsync(db => db.Reports.Where(r => r.Symbol == "JIU/REP/2020/7").Select(r => r.Id).SingleAsync());
        if (await _app.QueryAsync(db => db.Recommendations.AnyAsync(r => r.Number == 9 && r.ReportId == _reportId)))
        {
            return;
        }

        var id = await _app.QueryAsync(db => db.Recommendations.Where(r => r.ReportId == _reportId && r.Number == 2).Select(r => r.Id).SingleAsync());
        // Each step signs in afresh: sessions end after half an hour without a request, and days pass here.
        _app.Clock.Advance(TimeSpan.FromDays(2));
        var focalPoint = await _app.SignedInClientAsync(DemoAccounts.MartinAdolph);
        await focalPoint.SubmitFormAsync($"/Recommendations/Edit/{id}", new Dictionary<string, string>
        {
            ["Input.Acceptance"] = "Accepted", ["Input.Implementation"] = "InProgress", ["Input.NewComment"] = "Work started.",
        });
        _app.Clock.Advance(TimeSpan.FromDays(3));
        focalPoint = await _app.SignedInClientAsync(DemoAccounts.MartinAdolph);
        await focalPoint.SubmitFormAsync($"/Recommendations/Edit/{id}", new Dictionary<string, string>
        {
            ["Input.Acceptance"] = "Accepted", ["Input.Implementation"] = "Implemented",
        });
        var coordinator = await _app.SignedInClientAsync(DemoAccounts.Coordinator);
        await coordinator.SubmitFormAsync($"/Validation/Decide/{id}", new Dictionary<string, string> { ["Justification"] = "Seen at the Council." },
            "main form[action*='handler=Accept']");
        using var scope = _app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<JiuDbContext>();
        var report = await db.Reports.Include(r => r.Recommendations).SingleAsync(r => r.Id == _reportId);
        report.AddRecommendation(9, "The executive heads should report on blockchain pilots by the end of 2027.", Addressee.ExecutiveHeads, 2027, null);
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>Recommendation number → (marked column headers, comments) as the report page shows them.</summary>
    private async Task<Dictionary<string, string>> MatrixAsync(string query)
    {
        var client = await _app.SignedInClientAsync(DemoAccounts.Auditor);
        var page = await client.GetDocumentAsync($"/Reports/Details/{_reportId}{query}");
        // The headings as read: without the soft hyphens at which long ones may break.
        var headers = page.QuerySelectorAll("thead tr:nth-child(2) th").Select(th => th.TextContent.Replace("\u00AD", "", StringComparison.Ordinal).Trim()).ToList();
        return page.QuerySelectorAll("tbody tr").ToDictionary(
            row => row.Id!,
            row =>
            {
                var marks = row.QuerySelectorAll("td.mark").Select((cell, i) => cell.TextContent.Contains('X', StringComparison.Ordinal) ? headers[i] : null).Where(h => h is not null);
                return string.Join(",", marks) + " | " + row.QuerySelector("td.comments")!.TextContent.Trim();
            });
    }

    [Fact]
    public async Task ReportPage_AsOfADay_ShowsTheStatusesAndCommentsOfThatDay()
    {
        Assert.Equal("Accept,Not started | ", (await MatrixAsync($"?asOf={Day(1)}"))["recommendation-2"]);
        Assert.Equal("Accept,In progress | Work started.", (await MatrixAsync($"?asOf={Day(3)}"))["recommendation-2"]);
        Assert.Equal("Accept,Implemented | Work started.", (await MatrixAsync($"?asOf={Day(5)}"))["recommendation-2"]);
        Assert.Equal("Accept,Implemented | Work started.", (await MatrixAsync(""))["recommendation-2"]);
    }

    [Fact]
    public async Task ReportPage_AsOfADay_ShowsOnlyWhatWasRegisteredByThen()
    {
        Assert.DoesNotContain("recommendation-9", (await MatrixAsync($"?asOf={Day(3)}")).Keys);
        Assert.Contains("recommendation-9", (await MatrixAsync($"?asOf={Day(5)}")).Keys);
        // The seed's recommendations are registered as of 2021-12-31: a day earlier the report had none yet.
        Assert.Empty(await MatrixAsync("?asOf=2021-12-30"));
        Assert.Equal(8, (await MatrixAsync($"?asOf={Day(-1)}")).Count);
    }

    [Fact]
    public async Task ReportPage_AsOfADay_SaysSo_AndOffersNoEditing()
    {
        var client = await _app.SignedInClientAsync(DemoAccounts.MartinAdolph);

        var page = await client.GetDocumentAsync($"/Reports/Details/{_reportId}?asOf={Day(3)}");

        Assert.Contains($"end of {Day(3)}", page.QuerySelector("#as-of")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("a[href^='/Recommendations/Edit/']"));
    }

    [Fact]
    public async Task Document_AsOfADay_HasThatDayInItsNameAndTitle_AndItsStatuses()
    {
        var client = await _app.SignedInClientAsync(DemoAccounts.Auditor);

        var response = await client.GetAsync($"/export/action-required.docx?report=JIU/REP/2020/7&asOf={Day(3)}");

        Assert.Equal($"action-required-{Day(3)}.docx", response.Content.Headers.ContentDisposition!.FileName!.Trim('"'));
        using var document = WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        var body = document.MainDocumentPart!.Document.Body!;
        Assert.Contains($"ITU — status as of {Day(3)}", body.Elements<Paragraph>().Select(p => p.InnerText));
        var row = body.Elements<Table>().Last().Elements<TableRow>().Single(r => r.InnerText.StartsWith("Recommendation 2:", StringComparison.Ordinal));
        var cells = row.Elements<TableCell>().Select(c => c.InnerText).ToList();
        Assert.Equal(["X", "", "", "", "", "X", ""], cells.Skip(3).Take(7));
        Assert.Equal("Work started.", cells[^1]);
        Assert.DoesNotContain(body.Elements<Table>().Last().Elements<TableRow>(), r => r.InnerText.StartsWith("Recommendation 9:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task HistoryCsv_AsOfADay_ListsTheChangesUpToThatDay()
    {
        var client = await _app.SignedInClientAsync(DemoAccounts.Auditor);

        var upToDay3 = await client.GetStringAsync($"/export/history.csv?report=JIU/REP/2020/7&asOf={Day(3)}");
        var all = await client.GetStringAsync("/export/history.csv?report=JIU/REP/2020/7");

        Assert.StartsWith("when,who,report_symbol,recommendation_number,field,old_value,new_value,source\r\n", all, StringComparison.Ordinal);
        var lines = upToDay3.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.EndsWith($",{DemoAccounts.MartinAdolph},JIU/REP/2020/7,2,comment,,Work started.,", lines[^1], StringComparison.Ordinal);
        Assert.Contains($",{DemoAccounts.MartinAdolph},JIU/REP/2020/7,2,implementation,not-started,in-progress", upToDay3, StringComparison.Ordinal);
        Assert.DoesNotContain("in-progress,implemented", upToDay3, StringComparison.Ordinal);
        Assert.Contains($",{DemoAccounts.Coordinator},JIU/REP/2020/7,2,implementation,in-progress,implemented", all, StringComparison.Ordinal);
        var entries = await _app.QueryAsync(db => db.History.CountAsync(h => h.Recommendation.ReportId == _reportId));
        Assert.Equal(entries, all.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length - 1);
    }

    [Fact]
    public async Task RecommendationsCsv_AsOfADay_HasThatDaysStatusesAndRows()
    {
        var client = await _app.SignedInClientAsync(DemoAccounts.Auditor);

        var response = await client.GetAsync($"/export/recommendations.csv?report=JIU/REP/2020/7&asOf={Day(3)}");
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal($"jiu-recommendations-{Day(3)}.csv", response.Content.Headers.ContentDisposition!.FileName!.Trim('"'));
        Assert.Equal(9, lines.Length);
        Assert.StartsWith("JIU/REP/2020/7,Blockchain applications in the United Nations system: towards a state of readiness,2020,2,executive-heads,accepted,in-progress,,Martin Adolph (TSB),Work started.,", lines.Single(l => l.Contains(",2020,2,", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.DoesNotContain(lines, l => l.Contains(",2020,9,", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(3, "Implemented", 0)]
    [InlineData(3, "InProgress", 1)]
    [InlineData(5, "Implemented", 1)]
    [InlineData(5, "InProgress", 0)]
    public async Task RecommendationsCsv_AsOfADay_CountsAFigureAsItStoodThen(int day, string figure, int expectedRows)
    {
        var client = await _app.SignedInClientAsync(DemoAccounts.Auditor);

        var csv = await client.GetStringAsync($"/export/recommendations.csv?report=JIU/REP/2020/7&figure={figure}&asOf={Day(day)}");

        // JIU/REP/2020/7 had nothing implemented until day 5, and recommendation 2 in progress from day 2 to day 5.
        Assert.Equal(expectedRows, csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length - 1);
    }

    [Theory]
    [InlineData("mine=true")]
    [InlineData("figure=NoRecentUpdate")]
    [InlineData("figure=NeedsUpdate")]
    public async Task RecommendationsCsv_AsOfADay_RefusesWhatOnlyTodayCanAnswer(string query)
    {
        var client = await _app.SignedInClientAsync(DemoAccounts.Auditor);

        var response = await client.GetAsync($"/export/recommendations.csv?{query}&asOf={Day(3)}");

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("asOf:", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
