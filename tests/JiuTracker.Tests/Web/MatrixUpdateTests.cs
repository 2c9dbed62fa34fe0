using System.Net;
using JiuTracker.Tests.Infrastructure;
using JiuTracker.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace JiuTracker.Tests.Web;

/// <summary>A report's recommendations saved together from the matrix in editing (decision 025).</summary>
public class MatrixUpdateTests(JiuTrackerFactory app) : IClassFixture<JiuTrackerFactory>
{
    private Task<List<Recommendation>> RowsAsync(string symbol) =>
        app.QueryAsync(db => db.Recommendations.Include(r => r.Comments).Where(r => r.Report.Symbol == symbol).OrderBy(r => r.Number).ToListAsync());

    [Fact]
    public async Task Post_AsFocalPoint_SavesEveryChangedRow_WithOneStamp_AndLeavesUnchangedRows()
    {
        var reportId = await app.ReportIdAsync(SeedReports.Environment);
        var before = await RowsAsync(SeedReports.Environment);
        var client = await app.SignedInClientAsync(DemoAccounts.RobinZuercher);
        Assert.DoesNotContain("Reviewed in 2026.", await client.GetStringAsync($"/Reports/Details/{reportId}"), StringComparison.Ordinal);

        var response = await client.SubmitFormAsync($"/Reports/Update/{reportId}", new Dictionary<string, string>
        {
            ["Rows[0].Acceptance"] = "Accepted",
            ["Rows[0].Implementation"] = "Implemented",
            ["Rows[1].NewComment"] = "Reviewed in 2026.",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await RowsAsync(SeedReports.Environment);
        Assert.Equal(ImplementationStatus.Implemented, after[0].Implementation);
        Assert.Contains(after[1].Comments, c => c.Text == "Reviewed in 2026.");
        Assert.Equal(before.Skip(2).Select(r => r.Version), after.Skip(2).Select(r => r.Version));
        var stamps = await app.QueryAsync(db => db.History.Where(h => h.ChangedBy == DemoAccounts.RobinZuercher).Select(h => h.ChangedAt).Distinct().ToListAsync());
        Assert.Single(stamps);
        // The report page keeps its matrix until the data changes: the save's data version shows it at once.
        var matrix = await client.GetStringAsync($"/Reports/Details/{reportId}");
        Assert.Contains("Reviewed in 2026.", matrix, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_WithAStaleRow_SavesTheOthers_AndShowsTheStaleRowMarked()
    {
        var reportId = await app.ReportIdAsync(SeedReports.Cybersecurity);
        var client = await app.SignedInClientAsync(DemoAccounts.AndersNorsker);
        var form = await client.GetDocumentAsync($"/Reports/Update/{reportId}");
        var other = await app.SignedInClientAsync(DemoAccounts.PreetamMaloor);
        var first = await app.RecommendationIdAsync(SeedReports.Cybersecurity, 1);
        await other.SubmitFormAsync($"/Recommendations/Edit/{first}", new Dictionary<string, string> { ["Input.NewComment"] = "Saved first." });

        var response = await client.SubmitFormAsync(form, $"/Reports/Update/{reportId}", new Dictionary<string, string>
        {
            ["Rows[0].NewComment"] = "Mine, stale.",
            ["Rows[1].NewComment"] = "Mine, fresh.",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.NotNull(page.QuerySelector("#conflict-1"));
        Assert.Contains("1 recommendation(s) saved", page.QuerySelector("main [role=alert]")!.TextContent, StringComparison.Ordinal);
        var rows = await RowsAsync(SeedReports.Cybersecurity);
        Assert.DoesNotContain(rows[0].Comments, c => c.Text == "Mine, stale.");
        Assert.Contains(rows[1].Comments, c => c.Text == "Mine, fresh.");
    }

    [Fact]
    public async Task Post_WithARowLeftAsShown_ThatSomeoneElseChanged_KeepsTheirValues_AndDoesNotMarkIt()
    {
        var reportId = await app.ReportIdAsync(SeedReports.Cybersecurity);
        var client = await app.SignedInClientAsync(DemoAccounts.AndersNorsker);
        var form = await client.GetDocumentAsync($"/Reports/Update/{reportId}");
        var other = await app.SignedInClientAsync(DemoAccounts.PreetamMaloor);
        var second = await app.RecommendationIdAsync(SeedReports.Cybersecurity, 2);
        var shown = (await RowsAsync(SeedReports.Cybersecurity))[1];
        var theirs = shown.Acceptance == Acceptance.NotRelevant ? Acceptance.UnderConsideration : Acceptance.NotRelevant;
        await other.SubmitFormAsync($"/Recommendations/Edit/{second}", new Dictionary<string, string>
        {
            ["Input.Acceptance"] = theirs.ToString(),
            ["Input.Implementation"] = "",
        });
        var afterTheirs = (await RowsAsync(SeedReports.Cybersecurity))[1];
        Assert.NotEqual(shown.Version, afterTheirs.Version);

        var response = await client.SubmitFormAsync(form, $"/Reports/Update/{reportId}", new Dictionary<string, string>
        {
            ["Rows[0].NewComment"] = "Only the first row changes.",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var rows = await RowsAsync(SeedReports.Cybersecurity);
        Assert.Contains(rows[0].Comments, c => c.Text == "Only the first row changes.");
        Assert.Equal(theirs, rows[1].Acceptance);
        Assert.Equal(afterTheirs.Version, rows[1].Version);
    }

    [Fact]
    public async Task Post_WithARuleBroken_SavesNothing_AndMarksTheRow()
    {
        var reportId = await app.ReportIdAsync(SeedReports.Landlocked);
        var before = await app.RowCountsAsync();
        var client = await app.SignedInClientAsync(DemoAccounts.CosmasZavazava);

        var response = await client.SubmitFormAsync($"/Reports/Update/{reportId}", new Dictionary<string, string>
        {
            ["Rows[0].Acceptance"] = "NotAccepted",
            ["Rows[0].Implementation"] = "InProgress",
            ["Rows[1].NewComment"] = "Would be valid.",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull((await response.ReadDocumentAsync()).QuerySelector("#error-1"));
        Assert.Equal(before, await app.RowCountsAsync());
    }

    [Fact]
    public async Task Post_AsAnotherReportsFocalPoint_IsForbidden_AndSavesNothing()
    {
        var own = await app.ReportIdAsync(SeedReports.Landlocked);
        var target = await app.ReportIdAsync(SeedReports.Environment);
        var before = await app.RowCountsAsync();
        var client = await app.SignedInClientAsync(DemoAccounts.CosmasZavazava);
        var form = await client.GetDocumentAsync($"/Reports/Update/{own}");

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/Reports/Update/{target}")).StatusCode);
        var response = await client.SubmitFormAsync(form, $"/Reports/Update/{target}", new Dictionary<string, string> { ["Rows[0].NewComment"] = "Not mine." });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(before, await app.RowCountsAsync());
    }

    [Fact]
    public async Task Post_AsAdministrator_Saves()
    {
        var reportId = await app.ReportIdAsync(SeedReports.Blockchain);
        var client = await app.SignedInClientAsync(DemoAccounts.Admin);

        var response = await client.SubmitFormAsync($"/Reports/Update/{reportId}", new Dictionary<string, string> { ["Rows[0].NewComment"] = "Checked by the administrator." });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains((await RowsAsync(SeedReports.Blockchain))[0].Comments, c => c.Author == DemoAccounts.Admin);
    }
}
