using System.Security.Claims;
using JiuTracker.Web.Data;
using JiuTracker.Web.Domain;
using JiuTracker.Web.FollowUp;
using JiuTracker.Web.Security;
using JiuTracker.Web.Settings;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace JiuTracker.Web.Pages.Account;

/// <summary>
/// The signed-in person's account: their roles and reports, and what the app will e-mail them — each open round's
/// next reminders while they have something to update, the due-date summary of a round they opened — and what it has.
/// </summary>
public class IndexModel(JiuDbContext db, RoundProgress progress, ReminderSchedule schedule, OrganizationTime organizationTime, TimeProvider time) : PageModel
{
    public string Email { get; private set; } = "";

    public IReadOnlyList<string> RoleNames { get; private set; } = [];

    public IReadOnlyList<string> Reports { get; private set; } = [];

    public IReadOnlyList<Expected> ToBeSent { get; private set; } = [];

    public IReadOnlyList<OutboxMessage> Sent { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        Email = User.Identity!.Name!;
        RoleNames = [.. Roles.All.Where(User.IsInRole)];
        Reports = await db.Reports.AsNoTracking().Where(r => EditableReports.AssignedTo(db, userId).Contains(r.Id)).InListOrder().Select(r => r.Symbol).ToListAsync(ct);

        var now = time.GetUtcNow();
        var expected = new List<Expected>();
        foreach (var round in await db.FollowUpRounds.AsNoTracking().Where(r => r.ClosedAt == null).OrderBy(r => r.DueDate).ToListAsync(ct))
        {
            var mine = RoundProgress.Recipients(await progress.RowsAsync(round, ct)).FirstOrDefault(r => r.UserId == userId);
            if (mine is not null)
            {
                expected.Add(mine.HasAnswered
                    ? new Expected(round, "No more reminders: you have updated every recommendation this round asked you about.", [])
                    : new Expected(round, $"{mine.Remaining} of {mine.Asked} recommendation(s) still to update by {round.DueDate:yyyy-MM-dd}. A reminder goes on each of these days while anything is still to update:",
                        [.. schedule.Upcoming(round, now).Select(s => $"{organizationTime.DayText(s.At)} ({s.Describe})")]));
            }

            var summary = ReminderSchedule.DueDateSummary(round);
            if (string.Equals(round.OpenedBy, Email, StringComparison.OrdinalIgnoreCase) && summary.At > now)
            {
                expected.Add(new Expected(round, "You opened this round: a summary of who has not answered comes", [$"{organizationTime.DayText(summary.At)} ({summary.Describe})"]));
            }
        }

        ToBeSent = expected;
        Sent = await db.Outbox.AsNoTracking().Where(m => m.ToAddress == Email).OrderByDescending(m => m.Id).Take(20).ToListAsync(ct);
    }

    public sealed record Expected(FollowUpRound Round, string What, IReadOnlyList<string> When);
}
