using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using JiuTracker.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace JiuTracker.Tests.Admin;

/// <summary>Pasting a report's recommendations block: preview, correct, save all or nothing.</summary>
public class PasteRecommendationsTests(JiuTrackerFactory app) : IClassFixture<JiuTrackerFactory>
{
    private const string Block = """
        Recommendations

        Recommendation 1: The executive heads of the United Nations system organizations should, by the end of 2024, adopt a policy.
        Recommendation 4 The legislative organs and governing bodies of the United Nations system organizations should
        review the policy no later than 2025.
        """;

    // One report per case: a symbol taken from the case's hash could be drawn twice.
    private static int _rowErrorReports;

    private async Task<(HttpClient Client, int ReportId, string Url)> NewReportAsync(string symbol)
    {
        var client = await app.SignedInClientAsync(DemoAccounts.Admin);
        var created = await client.SubmitFormAsync("/Admin/Reports/Create", new Dictionary<string, string>
        {
            ["Input.Symbol"] = symbol, ["Input.Title"] = "A report to paste into", ["Input.CebComments"] = "NotYetAvailable",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = await app.QueryAsync(db => db.Reports.Where(r => r.Symbol == symbol).Select(r => r.Id).SingleAsync());
        return (client, id, $"/Admin/Recommendations/Paste/{id}");
    }

    private static async Task<IHtmlDocument> PreviewAsync(HttpClient client, string url, string block)
    {
        var response = await client.SubmitFormAsync(url, new Dictionary<string, string> { ["Input.Block"] = block }, "#paste-block");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadDocumentAsync();
    }

    [Fact]
    public async Task Preview_ShowsEachRecommendationAsEditableFields_AndSavesNothing()
    {
        var (client, id, url) = await NewReportAsync("JIU/REP/2024/1");

        var page = await PreviewAsync(client, url, Block);

        Assert.Equal(2, page.QuerySelectorAll(".paste-row").Length);
        Assert.Equal("4", page.QuerySelector<IHtmlInputElement>("[name='Input.Rows[1].Number']")!.Value);
        Assert.Equal("LegislativeBodies", page.QuerySelector<IHtmlSelectElement>("[name='Input.Rows[1].Addressee']")!.Value);
        Assert.Equal("2025", page.QuerySelector<IHtmlInputElement>("[name='Input.Rows[1].DeadlineYear']")!.Value);
        Assert.Contains("line 1: Recommendations", page.QuerySelector("#paste-rows .alert-warning")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await app.QueryAsync(db => db.Recommendations.CountAsync(r => r.ReportId == id)));
    }

    [Fact]
    public async Task Save_WithCorrections_AddsEveryRowAsCorrected_AndAuditsEach()
    {
        var (client, id, url) = await NewReportAsync("JIU/REP/2024/2");
        var preview = await PreviewAsync(client, url, Block);

        var response = await client.SubmitFormAsync(preview, $"{url}?handler=Save", new Dictionary<string, string>
        {
            ["Input.Rows[1].Number"] = "5",
            ["Input.Rows[1].DeadlineYear"] = "2026",
        }, "#paste-rows");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = await app.QueryAsync(db => db.Recommendations.Where(r => r.ReportId == id).OrderBy(r => r.Number).ToListAsync());
        Assert.Equal([1, 5], stored.Select(r => r.Number));
        Assert.Equal(2026, stored[1].DeadlineYear);
        Assert.StartsWith("The legislative organs and governing bodies of the United Nations system organizations should review", stored[1].Text, StringComparison.Ordinal);
        Assert.Equal(2, await app.QueryAsync(db => db.AdminAudit.CountAsync(a => a.Subject.StartsWith("JIU/REP/2024/2 recommendation"))));
    }

    [Theory]
    [InlineData("Input.Rows[1].Number", "1", "appears twice")]
    [InlineData("Input.Rows[1].Number", "0", "from 1 to 999")]
    [InlineData("Input.Rows[0].Text", "  ", "the text is empty")]
    [InlineData("Input.Rows[0].DeadlineYear", "22", "must be a year from 1990 to 2100")]
    [InlineData("Input.Rows[0].DeadlineYear", "soon", "Deadline year: \"soon\" is not a whole number.")]
    public async Task Save_WithARowInError_ShowsTheErrorOnTheRow_AndSavesNoRow(string field, string value, string message)
    {
        var (client, id, url) = await NewReportAsync($"JIU/REP/2025/{Interlocked.Increment(ref _rowErrorReports)}");
        var preview = await PreviewAsync(client, url, Block);

        var response = await client.SubmitFormAsync(preview, $"{url}?handler=Save", new Dictionary<string, string> { [field] = value }, "#paste-rows");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Contains("Nothing was saved", page.QuerySelector("#paste-rows [role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(message, page.QuerySelector($"[name='{field}']")!.ParentElement!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await app.QueryAsync(db => db.Recommendations.CountAsync(r => r.ReportId == id)));
    }

    [Fact]
    public async Task Save_ANumberTheReportAlreadyHas_IsRefused_UnlessThatRowIsLeftOut()
    {
        var (client, id, url) = await NewReportAsync("JIU/REP/2024/3");
        var first = await client.SubmitFormAsync(await PreviewAsync(client, url, "Recommendation 1: The executive heads should act by 2024."), $"{url}?handler=Save", new Dictionary<string, string>(), "#paste-rows");
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var preview = await PreviewAsync(client, url, Block);

        var refused = await client.SubmitFormAsync(preview, $"{url}?handler=Save", new Dictionary<string, string>(), "#paste-rows");
        Assert.Contains("JIU/REP/2024/3 already has a recommendation 1.", (await refused.ReadDocumentAsync()).QuerySelector("#paste-rows [role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(1, await app.QueryAsync(db => db.Recommendations.CountAsync(r => r.ReportId == id)));

        var saved = await client.SubmitFormAsync(preview, $"{url}?handler=Save", new Dictionary<string, string> { ["Input.Rows[0].LeaveOut"] = "true" }, "#paste-rows");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal([1, 4], await app.QueryAsync(db => db.Recommendations.Where(r => r.ReportId == id).OrderBy(r => r.Number).Select(r => r.Number).ToListAsync()));
    }

    [Fact]
    public async Task Preview_OfTextWithoutRecommendations_SaysHowTheyMustStart()
    {
        var (client, _, url) = await NewReportAsync("JIU/REP/2024/4");

        var page = await PreviewAsync(client, url, "The executive heads should act by 2024.");

        Assert.Contains("No recommendation was found", page.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#paste-rows"));
    }
}
