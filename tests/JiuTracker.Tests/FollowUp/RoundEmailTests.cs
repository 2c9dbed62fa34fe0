using System.Net;
using JiuTracker.Tests.Infrastructure;
using JiuTracker.Tests.Web;
using JiuTracker.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace JiuTracker.Tests.FollowUp;

/// <summary>A round's e-mails as they arrive at a real SMTP server: the requests at opening, the reminders on a moved clock, SMTP down and up.</summary>
[Trait(TestCategories.Category, TestCategories.Slow)]
public sealed class RoundEmailTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private static readonly string[] FocalPoints =
        [DemoAccounts.AndersNorsker, DemoAccounts.PreetamMaloor, DemoAccounts.CosmasZavazava, DemoAccounts.RobinZuercher, DemoAccounts.MartinAdolph];

    [Fact]
    public async Task OpeningARoundForTheSeed_SendsExactlyOneEmailToEachOfTheFiveFocalPoints_WithTheirRecommendationsAndALinkThatWorks()
    {
        await using var app = new MailingJiuTrackerFactory();
        var coordinator = await app.SignedInClientAsync(DemoAccounts.Coordinator);

        var everyReport = await app.QueryAsync(db => db.Reports.Select(r => r.Id).ToListAsync());
        var roundId = await coordinator.OpenRoundAsync("Council 2027", app.Today.AddDays(30), "Please report before the Council session.", everyReport);
        await app.RunFollowUpAsync();
        var received = (await app.Smtp.WaitForAsync(FocalPoints.Length, Patience)).AboutRound("Council 2027");

        Assert.Equal(FocalPoints.Order(), received.Select(g => g.Key.ToLowerInvariant()).Order());
        var asked = await app.QueryAsync(db => db.RoundRecommendations.Where(r => r.RoundId == roundId && r.Asked)
            .GroupBy(r => r.ReportId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count));
        foreach (var (email, symbol) in new[]
        {
            (DemoAccounts.AndersNorsker, SeedReports.Cybersecurity), (DemoAccounts.PreetamMaloor, SeedReports.Cybersecurity),
            (DemoAccounts.CosmasZavazava, SeedReports.Landlocked), (DemoAccounts.RobinZuercher, SeedReports.Environment),
            (DemoAccounts.MartinAdolph, SeedReports.Blockchain),
        })
        {
            var message = Assert.Single(received[email]);
            var count = asked.GetValueOrDefault(await app.ReportIdAsync(symbol));
            Assert.Single(message.To.Mailboxes);
            Assert.Empty(message.Cc);
            Assert.Empty(message.Bcc);
            Assert.Equal(MailingJiuTrackerFactory.Sender, message.From.Mailboxes.Single().Address);
            Assert.False(string.IsNullOrEmpty(message.MessageId));
            Assert.Contains($"{symbol} — ", message.TextBody!, StringComparison.Ordinal);
            Assert.Contains(count == 0 ? "nothing open, please check" : $"{count} recommendation{(count == 1 ? "" : "s")} asked about", message.TextBody!, StringComparison.Ordinal);
            Assert.Contains("Please report before the Council session.", message.TextBody!, StringComparison.Ordinal);
            Assert.Contains(symbol, message.HtmlBody!, StringComparison.Ordinal);
            Assert.All(FocalPoints.Where(other => other != email), other => Assert.DoesNotContain(other, message.ToString(), StringComparison.OrdinalIgnoreCase));

            var link = message.StartLink();
            Assert.Equal("http://localhost/Reports/Mine", link.ToString());
            var focalPoint = await app.SignedInClientAsync(email);
            var mine = await focalPoint.GetAsync(link.PathAndQuery);
            Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
            Assert.Contains(symbol, await mine.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(FocalPoints.Length, await app.QueryAsync(db => db.Outbox.CountAsync(m => m.RoundId == roundId && m.State == OutboxState.Sent)));
    }

    /// <summary>The focal points of the reports with an open recommendation, which a round takes by default (not Cosmas Zavazava's, all implemented).</summary>
    private static readonly string[] Asked = [.. FocalPoints.Where(f => f != DemoAccounts.CosmasZavazava)];

    [Fact]
    public async Task Reminders_FollowTheSchedule_OnAMovedClock_GoOncePerMoment_AndStopForWhoeverHasUpdatedEverything()
    {
        await using var app = new MailingJiuTrackerFactory();
        var coordinator = await app.SignedInClientAsync(DemoAccounts.Coordinator);
        var due = app.Today.AddDays(20);
        var roundId = await coordinator.OpenRoundAsync("Council 2028", due);
        await app.RunFollowUpAsync();
        await app.Smtp.WaitForAsync(Asked.Length, Patience);

        // Nothing is due before 14 days before the due date.
        app.Clock.SetUtcNow(StartOf(due.AddDays(-14)).AddMinutes(-5));
        await app.RunFollowUpAsync();
        Assert.Equal(Asked.Length, app.Smtp.Received.Count);

        // 14 days before: one reminder each, however many passes run.
        app.Clock.SetUtcNow(StartOf(due.AddDays(-14)).AddHours(1));
        await app.RunFollowUpAsync();
        await app.RunFollowUpAsync();
        var first = (await app.Smtp.WaitForAsync(2 * Asked.Length, Patience)).Where(IsReminder).ToList();
        Assert.Equal(Asked.Order(), Recipients(first));

        // Robin records something on each of his recommendations the round asked about: no more reminders for him.
        await app.CommentOnEveryAskedRecommendationAsync(roundId, SeedReports.Environment, DemoAccounts.RobinZuercher, app.Clock.GetUtcNow());

        app.Clock.SetUtcNow(StartOf(due.AddDays(-3)).AddHours(1));
        await app.RunFollowUpAsync();
        var second = (await app.Smtp.WaitForAsync(3 * Asked.Length - 1, Patience)).Where(IsReminder).Skip(Asked.Length).ToList();
        Assert.Equal(Asked.Where(f => f != DemoAccounts.RobinZuercher).Order(), Recipients(second));

        // The day after the due date: the coordinator gets the summary naming who has not answered.
        app.Clock.SetUtcNow(StartOf(due.AddDays(1)).AddHours(1));
        await app.RunFollowUpAsync();
        var summary = Assert.Single(await app.Smtp.WaitForAsync(3 * Asked.Length, Patience), m => m.To.Mailboxes.Single().Address == DemoAccounts.Coordinator);
        Assert.Contains("due date passed", summary.Subject!, StringComparison.Ordinal);
        Assert.Contains(SeedReports.Cybersecurity, summary.TextBody!, StringComparison.Ordinal);
        Assert.DoesNotContain(SeedReports.Environment, summary.TextBody!, StringComparison.Ordinal);

        // A week overdue: the three who have not answered, told it is overdue; and nothing more after that pass.
        app.Clock.SetUtcNow(StartOf(due.AddDays(7)).AddHours(1));
        await app.RunFollowUpAsync();
        await app.RunFollowUpAsync();
        var overdue = (await app.Smtp.WaitForAsync(4 * Asked.Length - 1, Patience)).Where(m => m.Subject!.StartsWith("Overdue", StringComparison.Ordinal)).ToList();
        Assert.Equal(Asked.Where(f => f != DemoAccounts.RobinZuercher).Order(), Recipients(overdue));
        Assert.Equal(4 * Asked.Length - 1, app.Smtp.Received.Count);
    }

    [Fact]
    public async Task SmtpDownForAnHour_ThenUp_DeliversEveryMessageOnce()
    {
        await using var app = new MailingJiuTrackerFactory();
        var coordinator = await app.SignedInClientAsync(DemoAccounts.Coordinator);
        await app.Smtp.StopAsync();

        var roundId = await coordinator.OpenRoundAsync("JIU request 2027", app.Today.AddDays(30));
        for (var minute = 0; minute <= 60; minute += 5)
        {
            await app.RunFollowUpAsync();
            app.Clock.Advance(TimeSpan.FromMinutes(5));
        }

        var waiting = await app.QueryAsync(db => db.Outbox.Where(m => m.RoundId == roundId).ToListAsync());
        Assert.Equal(Asked.Length, waiting.Count);
        Assert.All(waiting, m => Assert.Equal(OutboxState.Pending, m.State));
        Assert.All(waiting, m => Assert.True(m.Attempts > 1 && m.LastError is not null, $"message {m.Id}: {m.Attempts} attempts, error {m.LastError}"));

        app.Smtp.StartAgain();
        app.Clock.Advance(TimeSpan.FromMinutes(11));
        await app.RunFollowUpAsync();
        await app.RunFollowUpAsync();
        var received = await app.Smtp.WaitForAsync(Asked.Length, Patience);

        Assert.Equal(Asked.Length, received.Select(m => m.MessageId).Distinct().Count());
        Assert.Equal(Asked.Length, received.Count);
        Assert.All(await app.QueryAsync(db => db.Outbox.Where(m => m.RoundId == roundId).ToListAsync()), m => Assert.Equal(OutboxState.Sent, m.State));
    }

    [Fact]
    public async Task DemoMode_SendsNothing_EvenWithSmtpConfigured_AndOutgoingMailShowsEveryMessage()
    {
        await using var app = MailingJiuTrackerFactory.NotDeliveringInDemoMode();
        var coordinator = await app.SignedInClientAsync(DemoAccounts.Coordinator);

        var roundId = await coordinator.OpenRoundAsync("Demo round", app.Today.AddDays(30));
        var (_, sent) = await app.RunFollowUpAsync();
        await Task.Delay(TimeSpan.FromSeconds(1));

        Assert.Equal(0, sent);
        Assert.Empty(app.Smtp.Received);
        var admin = await app.SignedInClientAsync(DemoAccounts.Admin);
        var outgoing = await admin.GetDocumentAsync("/Admin/Outbox");
        Assert.Contains("Nothing leaves this machine", outgoing.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var rows = outgoing.QuerySelectorAll("main table tbody tr").Where(r => r.TextContent.Contains("\"Demo round\"", StringComparison.Ordinal)).ToList();
        Assert.Equal(Asked.Order(), rows.Select(r => r.QuerySelectorAll("td")[1].TextContent.Trim()).Order());
        Assert.All(rows, r => Assert.Contains("Waiting to be sent", r.TextContent, StringComparison.Ordinal));

        var robin = await app.QueryAsync(db => db.Outbox.SingleAsync(m => m.RoundId == roundId && m.ToAddress == DemoAccounts.RobinZuercher));
        var shown = (await admin.GetDocumentAsync($"/Admin/Outbox?id={robin.Id}")).QuerySelector("main section")!.TextContent;
        Assert.Contains(SeedReports.Environment, shown, StringComparison.Ordinal);
        Assert.Contains("Start from your reports: http://localhost/Reports/Mine", shown, StringComparison.Ordinal);
    }

    private static IEnumerable<string> Recipients(IEnumerable<MimeKit.MimeMessage> messages) =>
        messages.Select(m => m.To.Mailboxes.Single().Address.ToLowerInvariant()).Order();

    private static bool IsReminder(MimeKit.MimeMessage message) => message.Subject!.StartsWith("Reminder", StringComparison.Ordinal);

    private static DateTimeOffset StartOf(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
