using System.Net;
using JiuTracker.Tests.Infrastructure;
using JiuTracker.Tests.Web;
using JiuTracker.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace JiuTracker.Tests.Admin;

/// <summary>Registering and editing reports, adding and pasting recommendations, as an administrator over HTTP.</summary>
public class ReportAdministrationTests(JiuTrackerFactory app) : IClassFixture<JiuTrackerFactory>
{
    private static Dictionary<string, string> ReportForm(string symbol, string title = "Review of something", string url = "", string ceb = "NotYetAvailable", string reference = "") => new()
    {
        ["Input.Symbol"] = symbol,
        ["Input.Title"] = title,
        ["Input.ReviewHighlightsUrl"] = url,
        ["Input.CebComments"] = ceb,
        ["Input.CebCommentsReference"] = reference,
    };

    [Fact]
    public async Task Create_AsAdministrator_RegistersTheReport_AndRecordsItInTheAuditLog()
    {
        var client = await app.SignedInClientAsync(DemoAccounts.Admin);

        var response = await client.SubmitFormAsync("/Admin/Reports/Create",
            ReportForm("jiu/note/2023/2", "Review of business continuity", "https://www.unjiu.org/highlights", "Available", "A/78/123/Add.1"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var report = await app.QueryAsync(db => db.Reports.SingleAsync(r => r.Symbol == "JIU/NOTE/2023/2"));
        Assert.Equal((2023, "Review of business continuity", CebCommentsStatus.Available, "A/78/123/Add.1"), (report.Year, report.Title, report.CebComments, report.CebCommentsReference));
        var audit = await app.QueryAsync(db => db.AdminAudit.OrderBy(a => a.Id).LastAsync());
        Assert.Equal((DemoAccounts.Admin, AdminAction.ReportCreated, "JIU/NOTE/2023/2"), (audit.By, audit.Action, audit.Subject));

        var log = await (await app.SignedInClientAsync(DemoAccounts.Auditor)).GetDocumentAsync("/Audit");
        Assert.Contains("JIU/NOTE/2023/2", log.QuerySelector("tbody tr")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("JIU/REP/21/3", "", "Input.Symbol", "is not a JIU symbol")]
    [InlineData("JIU/REPORT/2021/3", "", "Input.Symbol", "is not a JIU symbol")]
    [InlineData(SeedReports.Cybersecurity, "", "Input.Symbol", "JIU/REP/2021/3 is already registered")]
    [InlineData("JIU/REP/2024/9", "www.example.org", "Input.ReviewHighlightsUrl", "full web address")]
    [InlineData("", "", "Input.Symbol", "Enter the report's symbol")]
    public async Task Create_WithBadInput_ShowsWhatIsWrongWhere_AndRegistersNothing(string symbol, string url, string field, string message)
    {
        var client = await app.SignedInClientAsync(DemoAccounts.Admin);
        var before = await app.QueryAsync(db => db.Reports.CountAsync());

        var response = await client.SubmitFormAsync("/Admin/Reports/Create", ReportForm(symbol, url: url));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Contains(message, page.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(message, page.QuerySelector($"[name='{field}']")!.ParentElement!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await app.QueryAsync(db => db.Reports.CountAsync()));
    }

    [Fact]
    public async Task Create_WithACebReferenceButNoCebComments_IsRefused()
    {
        var client = await app.SignedInClientAsync(DemoAccounts.Admin);

        var response = await client.SubmitFormAsync("/Admin/Reports/Create", ReportForm("JIU/REP/2024/8", reference: "A/79/1"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("only recorded when the CEB comments are available", (await response.ReadDocumentAsync()).QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.False(await app.QueryAsync(db => db.Reports.AnyAsync(r => r.Symbol == "JIU/REP/2024/8")));
    }

    [Fact]
    public async Task Edit_ChangesTheTitle_AndTheAuditLogSaysFromWhatToWhat()
    {
        var id = await app.ReportIdAsync(SeedReports.Blockchain);
        var client = await app.SignedInClientAsync(DemoAccounts.Admin);

        var response = await client.SubmitFormAsync($"/Admin/Reports/Edit/{id}", new Dictionary<string, string> { ["Input.Title"] = "Blockchain applications, revised" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("Blockchain applications, revised", await app.QueryAsync(db => db.Reports.Where(r => r.Id == id).Select(r => r.Title).SingleAsync()));
        var audit = await app.QueryAsync(db => db.AdminAudit.OrderBy(a => a.Id).LastAsync());
        Assert.Equal(AdminAction.ReportRevised, audit.Action);
        Assert.Contains("→ \"Blockchain applications, revised\"", audit.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddRecommendation_ReadsAddresseeAndDeadlineFromTheText_AndRefusesATakenNumber()
    {
        var id = await app.ReportIdAsync(SeedReports.Landlocked);
        var client = await app.SignedInClientAsync(DemoAccounts.Admin);

        var taken = await client.SubmitFormAsync($"/Admin/Recommendations/Add/{id}", new Dictionary<string, string>
        {
            ["Input.Number"] = "3", ["Input.Text"] = "The executive heads should act.",
        });
        Assert.Equal(HttpStatusCode.OK, taken.StatusCode);
        Assert.Contains("JIU/REP/2021/2 already has a recommendation 3.", (await taken.ReadDocumentAsync()).QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);

        var added = await client.SubmitFormAsync($"/Admin/Recommendations/Add/{id}", new Dictionary<string, string>
        {
            ["Input.Number"] = "11", ["Input.Text"] = "The legislative organs and governing bodies should, no later than 2025, review the support.",
        });

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var stored = await app.QueryAsync(db => db.Recommendations.SingleAsync(r => r.ReportId == id && r.Number == 11));
        Assert.Equal((Addressee.LegislativeBodies, (int?)2025), (stored.Addressee, stored.DeadlineYear));
    }
}
