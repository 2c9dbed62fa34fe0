using System.Net;
using JiuTracker.Tests.Infrastructure;
using JiuTracker.Tests.Web;
using JiuTracker.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace JiuTracker.Tests.Admin;

/// <summary>Withdrawing and revising recommendations from the administration pages.</summary>
public class WithdrawalTests(JiuTrackerFactory app) : IClassFixture<JiuTrackerFactory>
{
    [Fact]
    public async Task Withdraw_KeepsTheRecommendationAndItsHistory_TakesItOutOfTheMatrix_AndKeepsItInTheExport()
    {
        var id = await app.RecommendationIdAsync(SeedReports.Environment, 4);
        var reportId = await app.ReportIdAsync(SeedReports.Environment);
        var historyBefore = await app.QueryAsync(db => db.History.Where(h => h.RecommendationId == id).CountAsync());
        var admin = await app.SignedInClientAsync(DemoAccounts.Admin);

        var response = await admin.SubmitFormAsync($"/Admin/Recommendations/Edit/{id}", new Dictionary<string, string> { ["reason"] = "Merged into recommendation 8 by the JIU." }, "#withdraw");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var history = await app.QueryAsync(db => db.History.Where(h => h.RecommendationId == id).OrderBy(h => h.Id).ToListAsync());
        Assert.Equal(historyBefore + 1, history.Count);
        Assert.Equal((HistoryField.Withdrawal, "Merged into recommendation 8 by the JIU.", DemoAccounts.Admin), (history[^1].Field, history[^1].NewValue, history[^1].ChangedBy));
        Assert.True(await app.QueryAsync(db => db.Recommendations.AnyAsync(r => r.Id == id && r.WithdrawnAt != null)));

        var matrix = await admin.GetDocumentAsync($"/Reports/Details/{reportId}");
        Assert.Null(matrix.QuerySelector("#recommendation-4"));
        var historyPage = await admin.GetDocumentAsync($"/Recommendations/History/{id}");
        Assert.Contains("Merged into recommendation 8", historyPage.QuerySelector("tbody")!.TextContent, StringComparison.Ordinal);
        var audit = await app.QueryAsync(db => db.AdminAudit.OrderBy(a => a.Id).LastAsync());
        Assert.Equal((AdminAction.RecommendationWithdrawn, "JIU/REP/2020/8 recommendation 4"), (audit.Action, audit.Subject));
    }

    [Fact]
    public async Task Withdraw_WithoutAReason_IsRefused_AndChangesNothing()
    {
        var id = await app.RecommendationIdAsync(SeedReports.Environment, 5);
        var admin = await app.SignedInClientAsync(DemoAccounts.Admin);

        var response = await admin.SubmitFormAsync($"/Admin/Recommendations/Edit/{id}", new Dictionary<string, string> { ["reason"] = " " }, "#withdraw");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Give the reason", (await response.ReadDocumentAsync()).QuerySelector("#withdraw")!.TextContent, StringComparison.Ordinal);
        Assert.False(await app.QueryAsync(db => db.Recommendations.AnyAsync(r => r.Id == id && r.WithdrawnAt != null)));
    }

    [Fact]
    public async Task Revise_RecordsEachFieldInTheHistory_AndTheAuditLog()
    {
        var id = await app.RecommendationIdAsync(SeedReports.Blockchain, 4);
        var admin = await app.SignedInClientAsync(DemoAccounts.Admin);

        var response = await admin.SubmitFormAsync($"/Admin/Recommendations/Edit/{id}", new Dictionary<string, string>
        {
            ["Input.Addressee"] = "LegislativeBodies", ["Input.DeadlineYear"] = "2027",
        }, "#revise");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var added = await app.QueryAsync(db => db.History.Where(h => h.RecommendationId == id && h.ChangedBy == DemoAccounts.Admin).OrderBy(h => h.Id).ToListAsync());
        Assert.Equal([(HistoryField.Addressee, "executive-heads", "legislative-bodies"), (HistoryField.Deadline, (string?)null, "2027")],
            added.Select(h => (h.Field, h.OldValue, h.NewValue)));
        var audit = await app.QueryAsync(db => db.AdminAudit.OrderBy(a => a.Id).LastAsync());
        Assert.Equal(AdminAction.RecommendationRevised, audit.Action);
        Assert.Contains("Deadline: (none) → \"2027\"", audit.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revise_FromAStaleForm_IsRefused_AndKeepsTheNewerChange()
    {
        var id = await app.RecommendationIdAsync(SeedReports.Blockchain, 6);
        var admin = await app.SignedInClientAsync(DemoAccounts.Admin);
        var url = $"/Admin/Recommendations/Edit/{id}";
        var stale = await admin.GetDocumentAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitFormAsync(url, new Dictionary<string, string> { ["Input.DeadlineYear"] = "2028" }, "#revise")).StatusCode);

        var response = await admin.SubmitFormAsync(stale, url, new Dictionary<string, string> { ["Input.DeadlineYear"] = "2029" }, "#revise");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Someone else changed this recommendation", (await response.ReadDocumentAsync()).QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(2028, await app.QueryAsync(db => db.Recommendations.Where(r => r.Id == id).Select(r => r.DeadlineYear).SingleAsync()));
    }
}
