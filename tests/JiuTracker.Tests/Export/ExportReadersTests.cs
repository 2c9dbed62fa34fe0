using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using JiuTracker.Tests.Infrastructure;
using JiuTracker.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace JiuTracker.Tests.Export;

/// <summary>An export holds what its reader may read: withdrawn recommendations for auditors and administrators only.</summary>
public class ExportReadersTests(JiuTrackerFactory app) : IClassFixture<JiuTrackerFactory>, IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        await using var db = app.CreateDbContext();
        var recommendation = await db.Recommendations.SingleAsync(r => r.Report.Symbol == "JIU/REP/2021/2" && r.Number == 3);
        if (!recommendation.IsWithdrawn)
        {
            recommendation.Withdraw("Registered twice.", new ChangeStamp(DemoAccounts.Admin, DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<List<string>> DocumentRowsAsync(string account)
    {
        var client = await app.SignedInClientAsync(account);
        var bytes = await client.GetByteArrayAsync("/export/action-required.docx?report=JIU/REP/2021/2");
        using var document = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        return [.. document.MainDocumentPart!.Document.Body!.Elements<Table>().Last().Elements<TableRow>().Skip(2).Select(r => r.InnerText)];
    }

    [Theory]
    [InlineData(DemoAccounts.Auditor)]
    [InlineData(DemoAccounts.Admin)]
    public async Task Document_ForAuditorsAndAdministrators_KeepsWithdrawnRecommendations_Marked(string account)
    {
        var rows = await DocumentRowsAsync(account);

        Assert.Equal(3, rows.Count);
        Assert.Contains(rows, r => r.StartsWith("Recommendation 3:", StringComparison.Ordinal) && r.Contains("Withdrawn", StringComparison.Ordinal) && r.EndsWith("Registered twice.", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(DemoAccounts.Management)]
    [InlineData(DemoAccounts.CosmasZavazava)]
    public async Task Document_ForOtherReaders_LeavesWithdrawnRecommendationsOut(string account)
    {
        var rows = await DocumentRowsAsync(account);

        Assert.Equal(2, rows.Count);
        Assert.DoesNotContain(rows, r => r.StartsWith("Recommendation 3:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task HistoryCsv_ShowsAWithdrawnRecommendationsHistory_OnlyToThoseWhoMayReadIt()
    {
        var auditor = await (await app.SignedInClientAsync(DemoAccounts.Auditor)).GetStringAsync("/export/history.csv?report=JIU/REP/2021/2");
        var management = await (await app.SignedInClientAsync(DemoAccounts.Management)).GetStringAsync("/export/history.csv?report=JIU/REP/2021/2");

        Assert.Contains(",JIU/REP/2021/2,3,withdrawal,,Registered twice.", auditor, StringComparison.Ordinal);
        Assert.DoesNotContain(",JIU/REP/2021/2,3,", management, StringComparison.Ordinal);
        Assert.Contains(",JIU/REP/2021/2,1,", management, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("?from=&to=&asOf=&format=docx", "/export/action-required.docx")]
    [InlineData("?from=2020&to=2021&report=JIU/REP/2020/7&report=JIU/REP/2021/3&asOf=2026-01-31&format=history", "/export/history.csv?from=2020&to=2021&report=JIU/REP/2020/7&report=JIU/REP/2021/3&asOf=2026-01-31")]
    [InlineData("?report=JIU/REP/2021/2&format=xlsx", "/export/jiu-status.xlsx?report=JIU/REP/2021/2")]
    public async Task ExportsPage_SendsTheChoiceOnToTheExport_WithOnlyWhatWasChosen(string query, string expected)
    {
        var client = await app.SignedInClientAsync(DemoAccounts.Management);
        var page = await client.GetDocumentAsync("/Exports");
        Assert.Equal(["docx", "xlsx", "history"], page.QuerySelectorAll("main form button[name=format]").Select(b => b.GetAttribute("value")));

        var response = await client.GetAsync("/Exports" + query);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, Uri.UnescapeDataString(response.Headers.Location!.OriginalString));
    }

    [Theory]
    [InlineData("?from=2022&to=2020&format=docx", "the year range runs backwards")]
    [InlineData("?asOf=2999-12-31&format=docx", "Status as of the end of: the day must be between 1990-01-01 and")]
    [InlineData("?from=next&format=docx", "From year: \"next\" is not a whole number.")]
    [InlineData("?format=pdf", "Unknown format \"pdf\"")]
    public async Task ExportsPage_WithAChoiceThatCannotBeUsed_SaysWhy(string query, string message)
    {
        var client = await app.SignedInClientAsync(DemoAccounts.Management);

        var response = await client.GetAsync("/Exports" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Contains(message, page.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exports_Anonymous_AreRedirectedToSignIn()
    {
        foreach (var url in new[] { "/export/action-required.docx", "/export/history.csv", "/Exports" })
        {
            var response = await app.CreateBrowserClient().GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }
    }
}
