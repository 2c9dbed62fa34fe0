using JiuTracker.Web.Data;
using JiuTracker.Web.Domain;
using JiuTracker.Web.Settings;
using Microsoft.EntityFrameworkCore;

namespace JiuTracker.Web.FollowUp;

/// <summary>
/// Writes the reminders that are due into the outbox: on the schedule, to each focal point who has not updated every
/// recommendation the round asked them about, and the due-date summary to whoever opened it; or by hand, to one
/// person. A scheduled message carries a once-key (round, moment, person) that a unique index holds to one, so every
/// instance may look for due reminders and each is still written once, and a restart forgets nothing.
/// </summary>
public sealed class RoundReminders(JiuDbContext db, RoundProgress progress, ReminderSchedule schedule, OrganizationTime organizationTime)
{
    /// <returns>How many messages were written.</returns>
    public async Task<int> WriteDueAsync(DateTimeOffset now, CancellationToken ct)
    {
        var written = 0;
        var rounds = await db.FollowUpRounds.AsNoTracking().Where(r => r.ClosedAt == null).OrderBy(r => r.Id).ToListAsync(ct);
        foreach (var round in rounds)
        {
            var reminder = schedule.LatestReminder(round, now);
            var summary = ReminderSchedule.DueDateSummary(round);
            var summaryDue = summary.At <= now;
            if (reminder is null && !summaryDue)
            {
                continue;
            }

            var prefix = $"round-{round.Id}-";
            var keys = await db.Outbox.AsNoTracking()
                .Where(m => m.RoundId == round.Id && m.OnceKey != null && m.OnceKey.StartsWith(prefix))
                .Select(m => m.OnceKey!).ToListAsync(ct);
            var existing = keys.ToHashSet(StringComparer.Ordinal);
            var rows = await progress.RowsAsync(round, ct);
            var messages = new List<OutboxMessage>();
            if (reminder is not null)
            {
                foreach (var recipient in RoundProgress.Recipients(rows).Where(r => !r.HasAnswered))
                {
                    var key = $"{prefix}{reminder.Key}-{recipient.UserId}";
                    if (!existing.Contains(key))
                    {
                        var content = RoundEmails.Reminder(round, recipient, DateOnly.FromDateTime(now.UtcDateTime), organizationTime);
                        messages.Add(new OutboxMessage(OutboxKind.Reminder, round.Id, recipient.Email, recipient.Name, content.Subject, content.Text, content.Html, now, key));
                    }
                }
            }

            var summaryKey = $"{prefix}{summary.Key}";
            if (summaryDue && !existing.Contains(summaryKey))
            {
                var content = RoundEmails.DueDateSummary(round, round.OpenedBy, rows);
                messages.Add(new OutboxMessage(OutboxKind.DueDateSummary, round.Id, round.OpenedBy, "", content.Subject, content.Text, content.Html, now, summaryKey));
            }

            written += await SaveOnceAsync(messages, ct);
        }

        return written;
    }

    /// <summary>A coordinator's "remind now" for one person of an open round; null and the reason when it cannot be sent.</summary>
    public async Task<string?> RemindByHandAsync(FollowUpRound round, string userId, ChangeStamp stamp, CancellationToken ct)
    {
        if (round.IsClosed)
        {
            return $"The round \"{round.Name}\" is closed; nobody is reminded of it any more.";
        }

        var recipient = RoundProgress.Recipients(await progress.RowsAsync(round, ct)).FirstOrDefault(r => r.UserId == userId);
        if (recipient is null)
        {
            return "That person is not a focal point this round e-mails (no enabled account linked, or no recommendation asked about).";
        }

        var content = RoundEmails.Reminder(round, recipient, DateOnly.FromDateTime(stamp.At.UtcDateTime), organizationTime);
        db.Outbox.Add(new OutboxMessage(OutboxKind.ReminderByHand, round.Id, recipient.Email, recipient.Name, content.Subject, content.Text, content.Html, stamp.At));
        db.RecordAdminChange(stamp, AdminAction.ReminderSentByHand, round.Name, $"Reminder to {recipient.Email}: {recipient.Remaining} of {recipient.Asked} recommendation(s) still to update.");
        await db.SaveChangesAsync(ct);
        return null;
    }

    /// <summary>Saves the messages; when another instance wrote the same once-keys first, its copies stand and these are dropped.</summary>
    private async Task<int> SaveOnceAsync(List<OutboxMessage> messages, CancellationToken ct)
    {
        if (messages.Count == 0)
        {
            return 0;
        }

        db.Outbox.AddRange(messages);
        try
        {
            await db.SaveChangesAsync(ct);
            return messages.Count;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (!await AnyWrittenAsync(messages, ct))
            {
                throw;
            }

            return 0;
        }
    }

    private async Task<bool> AnyWrittenAsync(List<OutboxMessage> messages, CancellationToken ct)
    {
        var keys = messages.Select(m => m.OnceKey).OfType<string>().ToList();
        return await db.Outbox.AsNoTracking().AnyAsync(m => m.OnceKey != null && keys.Contains(m.OnceKey), ct);
    }
}
