using System.Globalization;
using JiuTracker.Web.Domain;

namespace JiuTracker.Web.FollowUp;

/// <summary>
/// When a round's reminders and its due-date summary are due: moments at the start (UTC) of days counted from the due
/// date. A reminder is sent for the latest moment passed since the round opened, so an instance that was down on the
/// day sends one reminder when it returns, not one for each moment it missed.
/// </summary>
public sealed class ReminderSchedule(FollowUpOptions options)
{
    /// <summary>A moment of the schedule; <see cref="Key"/> names it in each message's once-key, the same on every instance.</summary>
    public sealed record Slot(string Key, DateTimeOffset At, string Describe);

    /// <summary>The reminder moments after the round opened, in time order, up to <paramref name="until"/> (overdue ones repeat).</summary>
    public IEnumerable<Slot> Reminders(FollowUpRound round, DateTimeOffset until)
    {
        foreach (var days in options.RemindDaysBefore.Where(d => d > 0).Distinct().OrderDescending())
        {
            var slot = new Slot($"before-{days}", StartOf(round.DueDate.AddDays(-days)), $"{days} days before the due date");
            if (slot.At > round.OpenedAt && slot.At <= until)
            {
                yield return slot;
            }
        }

        if (options.RemindEveryDaysOverdue <= 0)
        {
            yield break;
        }

        for (var overdue = options.RemindEveryDaysOverdue; ; overdue += options.RemindEveryDaysOverdue)
        {
            var slot = new Slot($"overdue-{overdue.ToString(CultureInfo.InvariantCulture)}", StartOf(round.DueDate.AddDays(overdue)), $"{overdue} days after the due date");
            if (slot.At > until)
            {
                yield break;
            }

            if (slot.At > round.OpenedAt)
            {
                yield return slot;
            }
        }
    }

    /// <summary>The reminder moment passed most recently at <paramref name="now"/>, if any.</summary>
    public Slot? LatestReminder(FollowUpRound round, DateTimeOffset now) => Reminders(round, now).LastOrDefault();

    /// <summary>The reminder moments still to come after <paramref name="now"/>: the ones before the due date, and the first overdue one.</summary>
    public IReadOnlyList<Slot> Upcoming(FollowUpRound round, DateTimeOffset now)
    {
        var horizon = StartOf(round.DueDate.AddDays(Math.Max(options.RemindEveryDaysOverdue, 0) + 1));
        var upcoming = Reminders(round, horizon).Where(s => s.At > now).ToList();
        if (upcoming.Count == 0 && options.RemindEveryDaysOverdue > 0)
        {
            upcoming.AddRange(Reminders(round, now.AddDays(options.RemindEveryDaysOverdue)).Where(s => s.At > now).Take(1));
        }

        return upcoming;
    }

    /// <summary>The summary to whoever opened the round: at the start of the day after the due date.</summary>
    public static Slot DueDateSummary(FollowUpRound round) => new("due-summary", StartOf(round.DueDate.AddDays(1)), "when the due date has passed");

    private static DateTimeOffset StartOf(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
