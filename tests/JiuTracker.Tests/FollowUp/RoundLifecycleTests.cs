using System.Net;
using System.Security.Cryptography;
using JiuTracker.Tests.Infrastructure;
using JiuTracker.Tests.Web;
using JiuTracker.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace JiuTracker.Tests.FollowUp;

/// <summary>A round over HTTP in demo mode (nothing is delivered): its progress and CSV, remind now, closing and what it freezes, the history's round column.</summary>
public class RoundLifecycleTests(JiuTrackerFactory app) : IClassFixture<JiuTrackerFactory>
{
    private static DateOnly InAMonth => DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30);

    [Fact]
    public async Task TheProgressPage_CountsWhatWasUpdatedSinceOpening_PerReportAndFocalPoint_AndItsCsvHasTheSameRows()
    {
        var coordinator = await app.SignedInClientAsync(DemoAccounts.Coordinator);
        var roundId = await coordinator.OpenRoundAsync("Progress check", InAMonth);
        await app.CommentOnEveryAskedRecommendationAsync(roundId, SeedReports.Environment, DemoAccounts.RobinZuercher, DateTimeOffset.UtcNow);

        var page = await coordinator.GetDocumentAsync($"/Rounds/Progress/{roundId}");
        var rows = page.QuerySelectorAll("main table tbody tr").Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList()).ToList();
        var robin = Assert.Single(rows, r => r[0] == SeedReports.Environment);
        Assert.Equal(robin[2], robin[3]);
        Assert.Equal("Yes", robin[4]);
        Assert.All(rows.Where(r => r[0] == SeedReports.Cybersecurity), r => Assert.StartsWith("No — ", r[4], StringComparison.Ordinal));
        Assert.DoesNotContain(rows, r => r[0] == SeedReports.Landlocked);

        var csv = (await coordinator.GetStringAsync($"/Rounds/Progress/{roundId}?handler=Csv")).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("report_symbol,focal_point,email,asked,updated,remaining,answered,last_reminder", csv[0]);
        Assert.Equal(rows.Count, csv.Length - 1);
        Assert.Contains(csv, line => line.StartsWith($"{SeedReports.Environment},Robin Zuercher (SPD/GS),{DemoAccounts.RobinZuercher},{robin[2]},{robin[2]},0,yes,", StringComparison.Ordinal));
        Assert.Equal(2, csv.Count(line => line.StartsWith($"{SeedReports.Cybersecurity},", StringComparison.Ordinal) && line.Contains(",no,", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task RemindNow_WritesOneReminderToThatPersonOnly_InTheAuditLog_AndTheProgressShowsIt()
    {
        var coordinator = await app.SignedInClientAsync(DemoAccounts.Coordinator);
        var roundId = await coordinator.OpenRoundAsync("Remind check", InAMonth);
        var martin = await app.QueryAsync(db => db.Users.Where(u => u.Email == DemoAccounts.MartinAdolph).Select(u => u.Id).SingleAsync());

        var response = await coordinator.SubmitFormAsync($"/Rounds/Progress/{roundId}", new Dictionary<string, string> { ["userId"] = martin },
            $"form[action='/Rounds/Remind/{roundId}']:has(input[value='{martin}'])");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var reminder = Assert.Single(await app.QueryAsync(db => db.Outbox.Where(m => m.RoundId == roundId && m.Kind == OutboxKind.ReminderByHand).ToListAsync()));
        Assert.Equal(DemoAccounts.MartinAdolph, reminder.ToAddress);
        Assert.Contains(SeedReports.Blockchain, reminder.TextBody, StringComparison.Ordinal);
        Assert.True(await app.QueryAsync(db => db.AdminAudit.AnyAsync(a => a.Action == AdminAction.ReminderSentByHand && a.Subject == "Remind check")));
        var page = await coordinator.GetDocumentAsync($"/Rounds/Progress/{roundId}");
        var row = page.QuerySelectorAll("main table tbody tr").Single(r => r.TextContent.Contains("Martin Adolph", StringComparison.Ordinal));
        Assert.Contains(reminder.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture), row.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RemindNow_ForSomeoneTheRoundDoesNotEmail_SaysSo_AndWritesNothing()
    {
        var coordinator = await app.SignedInClientAsync(DemoAccounts.Coordinator);
        var roundId = await coordinator.OpenRoundAsync("Remind refusal", InAMonth);
        var before = await app.RowCountsAsync();

        var response = await coordinator.SubmitFormAsync($"/Rounds/Remind/{roundId}", new Dictionary<string, string> { ["userId"] = "not-an-account" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("not a focal point this round e-mails", (await response.ReadDocumentAsync()).QuerySelector("main [role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await app.RowCountsAsync());
    }

    [Fact]
    public async Task ClosingARound_FreezesItsDocumentAndWorkbook_WhichDownloadByteForByteAfterLaterChanges()
    {
        var coordinator = await app.SignedInClientAsync(DemoAccounts.Coordinator);
        var roundId = await coordinator.OpenRoundAsync("Council closing", InAMonth);
        await app.CommentOnEveryAskedRecommendationAsync(roundId, SeedReports.Blockchain, DemoAccounts.MartinAdolph, DateTimeOffset.UtcNow);

        var closed = await coordinator.SubmitFormAsync($"/Rounds/Close/{roundId}", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        var page = await coordinator.GetDocumentAsync($"/Rounds/Progress/{roundId}");
        var files = page.QuerySelectorAll("main table")[^1].QuerySelectorAll("tbody tr")
            .Select(r => (Link: r.QuerySelector("a")!.GetAttribute("href")!, Name: r.QuerySelector("a")!.TextContent, Sha256: r.QuerySelector("code")!.TextContent)).ToList();
        Assert.Equal(2, files.Count);
        Assert.EndsWith(".docx", files[0].Name, StringComparison.Ordinal);
        Assert.EndsWith(".xlsx", files[1].Name, StringComparison.Ordinal);
        var firstDownloads = new List<byte[]>();
        foreach (var file in files)
        {
            var bytes = await coordinator.GetByteArrayAsync(file.Link);
            Assert.Equal(file.Sha256, Convert.ToHexStringLower(SHA256.HashData(bytes)));
            firstDownloads.Add(bytes);
        }

        Assert.Contains("Newly accepted", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        // Later changes go into today's exports, never into what the round froze.
        await app.CommentOnEveryAskedRecommendationAsync(roundId, SeedReports.Blockchain, DemoAccounts.MartinAdolph, DateTimeOffset.UtcNow);
        var auditor = await app.SignedInClientAsync(DemoAccounts.Auditor);
        for (var i = 0; i < files.Count; i++)
        {
            var again = await auditor.GetAsync(files[i].Link);
            Assert.Equal(firstDownloads[i], await again.Content.ReadAsByteArrayAsync());
            Assert.Equal("attachment", again.Content.Headers.ContentDisposition!.DispositionType);
        }

        // A second closing (another coordinator's page opened before) freezes nothing more and says why.
        var token = await coordinator.AntiforgeryTokenAsync("/Account/Logout");
        var twice = await coordinator.PostAsync($"/Rounds/Close/{roundId}", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, twice.StatusCode);
        Assert.Contains("was already closed", (await coordinator.GetDocumentAsync($"/Rounds/Progress/{roundId}")).QuerySelector("main [role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(2, await app.QueryAsync(db => db.RoundDocuments.CountAsync(d => d.RoundId == roundId)));
    }

    [Fact]
    public async Task TheHistoryOfARecommendation_NamesTheRoundEachChangeAnswered()
    {
        var coordinator = await app.SignedInClientAsync(DemoAccounts.Coordinator);
        var roundId = await coordinator.OpenRoundAsync("History check", InAMonth);
        await app.CommentOnEveryAskedRecommendationAsync(roundId, SeedReports.Environment, DemoAccounts.RobinZuercher, DateTimeOffset.UtcNow);
        var reportId = await app.ReportIdAsync(SeedReports.Environment);
        var asked = await app.QueryAsync(db => db.RoundRecommendations.Where(r => r.RoundId == roundId && r.Asked && r.ReportId == reportId).Select(r => r.RecommendationId).FirstAsync());

        var history = await coordinator.GetDocumentAsync($"/Recommendations/History/{asked}");
        var rows = history.QuerySelectorAll("main table tbody tr").ToList();

        Assert.Contains("History check", rows[^1].TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("History check", rows[0].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheAccountPage_ListsTheRemindersStillToCome_ForAFocalPointWithSomethingToUpdate()
    {
        var coordinator = await app.SignedInClientAsync(DemoAccounts.Coordinator);
        var due = InAMonth;
        await coordinator.OpenRoundAsync("Account check", due);
        var anders = await app.SignedInClientAsync(DemoAccounts.AndersNorsker);

        var text = (await anders.GetDocumentAsync("/Account")).QuerySelector("main")!.TextContent;

        Assert.Contains("Account check", text, StringComparison.Ordinal);
        Assert.Contains($"{due.AddDays(-14):yyyy-MM-dd} (14 days before the due date)", text, StringComparison.Ordinal);
        Assert.Contains($"{due.AddDays(-3):yyyy-MM-dd} (3 days before the due date)", text, StringComparison.Ordinal);
        Assert.Contains("JIU follow-up \"Account check\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpeningWithADueDateThatHasPassed_SaysSoOnTheForm_AndOpensNothing()
    {
        var coordinator = await app.SignedInClientAsync(DemoAccounts.Coordinator);
        var before = await app.RowCountsAsync();

        var response = await coordinator.SubmitFormAsync("/Rounds/Open", new Dictionary<string, string> { ["Name"] = "Too late", ["DueDate"] = "2020-01-31" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The due date 2020-01-31 has passed", (await response.ReadDocumentAsync()).QuerySelector("main [role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await app.RowCountsAsync());
    }
}
