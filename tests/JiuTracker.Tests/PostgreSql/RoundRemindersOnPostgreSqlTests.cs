using JiuTracker.Tests.FollowUp;
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
