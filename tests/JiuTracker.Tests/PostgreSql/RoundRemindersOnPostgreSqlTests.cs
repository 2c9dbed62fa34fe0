using JiuTracker.Tests.FollowUp;
using JiuTracker.Tests.Infrastructure;
using JiuTracker.Web.Domain;
using JiuTracker.Web.FollowUp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace JiuTracker.Tests.PostgreSql;

[Trait(TestCategories.Category, TestCategories.Slow)]
public sealed class RoundLifecycleOnPostgreSqlTests(PostgreSqlJiuTrackerFactory app) : RoundLifecycleTests(app), IClassFixture<PostgreSqlJiuTrackerFactory>;

/// <summary>Instances looking for due reminders at the same moment on one PostgreSQL database write each reminder once.</summary>
[Trait(TestCategories.Category, TestCategories.Slow)]
public sealed class RoundRemindersOnPostgreSqlTests(PostgreSqlJiuTrackerFactory app) : IClassFixture<PostgreSqlJiuTrackerFactory>
{
    [Fact]
    public async Task PassesFindingTheSameRemindersDueAtOnce_WriteEachReminderAndTheSummaryOnce()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        int roundId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var outcome = await scope.ServiceProvider.GetRequiredService<RoundOpening>().OpenAsync(
                new RoundOpening.Request("Reminded once", today.AddDays(15), "", []),
                "http://localhost/", new ChangeStamp(DemoAccounts.Coordinator, DateTimeOffset.UtcNow), CancellationToken.None);
            roundId = outcome.Round!.Id;
        }

        // Thirteen days on, the reminder of 3 days before the due date is due; seventeen days on, the summary too.
        var reminded = await ConcurrentPassesAsync(DateTimeOffset.UtcNow.AddDays(13));
        var summarized = await ConcurrentPassesAsync(DateTimeOffset.UtcNow.AddDays(17));

        var written = await app.QueryAsync(db => db.Outbox.Where(m => m.RoundId == roundId && m.Kind != OutboxKind.RoundOpened).ToListAsync());
        var reminders = written.Where(m => m.Kind == OutboxKind.Reminder).ToList();
        Assert.Equal(4, reminders.Count);
        Assert.All(reminders, m => Assert.StartsWith($"round-{roundId}-before-3-", m.OnceKey, StringComparison.Ordinal));
        Assert.Equal(4, reminders.Select(m => m.ToAddress).Distinct().Count());
        Assert.Single(written, m => m.Kind == OutboxKind.DueDateSummary);
        Assert.Equal(4, reminded);
        Assert.Equal(1, summarized);
    }

    /// <returns>How many messages the four passes wrote together.</returns>
    private async Task<int> ConcurrentPassesAsync(DateTimeOffset now)
    {
        var passes = Enumerable.Range(0, 4).Select(async _ =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<RoundReminders>().WriteDueAsync(now, CancellationToken.None);
        });
        return (await Task.WhenAll(passes)).Sum();
    }
}

/// <summary>The schedule is in the data, not in a process: an app started after the round was opened by another sends its reminders.</summary>
[Trait(TestCategories.Category, TestCategories.Slow)]
public sealed class RoundRemindersAfterRestartTests
{
    [Fact]
    public async Task AfterARestart_TheRemindersDueAreSentOnce_AndNothingAlreadySentIsSentAgain()
    {
        var first = MailingJiuTrackerFactory.OnPostgreSql();
        var coordinator = await first.SignedInClientAsync(DemoAccounts.Coordinator);
        // The demo data was imported at the clock's first moment; the round opens a minute later.
        first.Clock.Advance(TimeSpan.FromMinutes(1));
        var due = first.Today.AddDays(20);
        await coordinator.OpenRoundAsync("Council after restart", due);
        await first.RunFollowUpAsync();
        await first.Smtp.WaitForAsync(4, TimeSpan.FromSeconds(15));
        var restarted = first.Restarted();
        await first.DisposeAsync();

        await using (restarted)
        {
            restarted.Clock.SetUtcNow(new DateTimeOffset(due.AddDays(-14).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddHours(2));
            await restarted.RunFollowUpAsync();
            await restarted.RunFollowUpAsync();
            var received = await restarted.Smtp.WaitForAsync(8, TimeSpan.FromSeconds(15));
            await Task.Delay(TimeSpan.FromSeconds(1));

            Assert.Equal(8, restarted.Smtp.Received.Count);
            Assert.Equal(4, received.Count(m => m.Subject!.StartsWith("Reminder", StringComparison.Ordinal)));
            Assert.Equal(8, received.Select(m => m.MessageId).Distinct().Count());
        }
    }
}
