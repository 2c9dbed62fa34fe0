using System.Net;
using JiuTracker.Tests.Infrastructure;
using JiuTracker.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace JiuTracker.Tests.Export;

/// <summary>
/// The seed is imported as of the date it states, 31 December 2021 (decision 034): its history is dated then, the view
/// as of that day shows its statuses, and a view of the day before says that nothing was recorded by then.
/// </summary>
public class DatedImportAsOfTests(JiuTrackerFactory app) : IClassFixture<JiuTrackerFactory>
{
    private const string Blockchain = "JIU/REP/2020/7";
    private const string NothingBefore =
        "No status recorded before 2021-12-31 for these reports: the earliest entry in their history is dated 2021-12-31.";

    private static readonly DateTimeOffset SeedAsOfStart = new(2021, 12, 31, 0, 0, 0, TimeSpan.Zero);

    private Task<int> ReportIdAsync() => app.QueryAsync(db => db.Reports.Where(r => r.Symbol == Blockchain).Select(r => r.Id).SingleAsync());

    [Fact]
    public async Task AnImportedRecommendation_IsRegisteredAndHasItsHistoryAtTheStartOfTheAsOfDay_MarkedAsImported()
    {
        var recommendation = await app.QueryAsync(db => db.Recommendations
            .Where(r => r.Report.Symbol == Blockchain && r.Number == 2)
            .Select(r => new { r.RegisteredAt, History = r.History.Select(h => new { h.ChangedAt, h.Source, h.Field }).ToList() })
            .SingleAsync());

        Assert.Equal(SeedAsOfStart, recommendation.RegisteredAt);
        Assert.NotEmpty(recommendation.History);
        Assert.All(recommendation.History, h =>
        {
            Assert.Equal(SeedAsOfStart, h.ChangedAt);
            Assert.StartsWith("imported from action-required-2020-2021.txt, statuses as of 2021-12-31; imported ", h.Source, StringComparison.Ordinal);
            Assert.EndsWith(" UTC", h.Source, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task ReportPage_AsOfTheDayBefore_SaysNothingWasRecorded_InsteadOfAnEmptyTable()
    {
        var client = await app.SignedInClientAsync(DemoAccounts.Auditor);

        var page = await client.GetDocumentAsync($"/Reports/Details/{await ReportIdAsync()}?asOf=2021-12-30");

        Assert.Equal(NothingBefore, page.QuerySelector("#nothing-recorded")!.TextContent.Trim());
        Assert.Null(page.QuerySelector("table.matrix"));
    }

    [Fact]
    public async Task ReportPage_AsOfTheDayItself_ShowsTheImportedStatuses()
    {
        var client = await app.SignedInClientAsync(DemoAccounts.Auditor);

        var page = await client.GetDocumentAsync($"/Reports/Details/{await ReportIdAsync()}?asOf=2021-12-31");

        Assert.Null(page.QuerySelector("#nothing-recorded"));
        // JIU/REP/2020/7 lists 8 recommendations in the seed, all registered by the end of that day.
        Assert.Equal(8, page.QuerySelectorAll("table.matrix tbody tr").Length);
        Assert.Contains("X", page.QuerySelector("#recommendation-2")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/export/action-required.docx")]
    [InlineData("/export/jiu-status.xlsx")]
    [InlineData("/export/history.csv")]
    [InlineData("/export/recommendations.csv")]
    public async Task Export_AsOfTheDayBefore_IsRefusedSayingNothingWasRecorded(string path)
    {
        var client = await app.SignedInClientAsync(DemoAccounts.Auditor);

        var response = await client.GetAsync($"{path}?report={Blockchain}&asOf=2021-12-30");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(NothingBefore, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(response.Content.Headers.ContentDisposition);
    }

    [Theory]
    [InlineData("/export/action-required.docx")]
    [InlineData("/export/jiu-status.xlsx")]
    [InlineData("/export/history.csv")]
    [InlineData("/export/recommendations.csv")]
    public async Task Export_AsOfTheDayItself_IsMade(string path)
    {
        var client = await app.SignedInClientAsync(DemoAccounts.Auditor);

        var response = await client.GetAsync($"{path}?report={Blockchain}&asOf=2021-12-31");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task HistoryCsv_AsOfTheDayItself_ListsTheImportedEntries()
    {
        var client = await app.SignedInClientAsync(DemoAccounts.Auditor);

        var csv = await client.GetStringAsync($"/export/history.csv?report={Blockchain}&asOf=2021-12-31");

        var entries = await app.QueryAsync(db => db.History.CountAsync(h => h.Recommendation.Report.Symbol == Blockchain && h.ChangedAt < SeedAsOfStart.AddDays(1)));
        Assert.True(entries > 0);
        Assert.Equal(entries, csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length - 1);
        Assert.Contains("statuses as of 2021-12-31; imported ", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportsPage_AsOfTheDayBefore_SaysNothingWasRecorded_OnTheDaysField()
    {
        var client = await app.SignedInClientAsync(DemoAccounts.Auditor);

        var response = await client.GetAsync($"/Exports?format=docx&report={Blockchain}&asOf=2021-12-30");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Equal(NothingBefore, page.QuerySelector("#asOf-error")!.TextContent.Trim());
        Assert.Equal("asOf-error", page.QuerySelector("#asOf")!.GetAttribute("aria-describedby"));
    }

    [Fact]
    public async Task ExportsPage_AsOfTheDayItself_SendsOnToTheExport()
    {
        var client = await app.SignedInClientAsync(DemoAccounts.Auditor);

        var response = await client.GetAsync($"/Exports?format=docx&report={Blockchain}&asOf=2021-12-31");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }
}
