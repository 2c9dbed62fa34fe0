using JiuTracker.Web.Data;
using JiuTracker.Web.Domain;
using JiuTracker.Web.FollowUp;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace JiuTracker.Web.Pages.Rounds;

/// <summary>"Remind now": one reminder to one focal point of an open round, outside the schedule; the progress page posts here.</summary>
public class RemindModel(JiuDbContext db, RoundProgress progress, RoundReminders reminders, TimeProvider time) : PageModel
{
    public FollowUpRound Round { get; private set; } = null!;

    /// <summary>Who can be reminded: focal points with an enabled account and something still to update.</summary>
    public IReadOnlyList<RoundProgress.Recipient> Pending { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await db.FollowUpRounds.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct) is not { } round)
        {
            return NotFound();
        }

        Round = round;
        Pending = [.. RoundProgress.Recipients(await progress.RowsAsync(round, ct)).Where(r => !r.HasAnswered)];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, string? userId, CancellationToken ct)
    {
        if (await db.FollowUpRounds.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct) is not { } round)
        {
            return NotFound();
        }

        var problem = string.IsNullOrWhiteSpace(userId)
            ? "Choose whom to remind."
            : await reminders.RemindByHandAsync(round, userId, this.Stamp(time), ct);
        if (problem is not null)
        {
            // The form again, saying why: nothing was written.
            ModelState.AddModelError(nameof(userId), problem);
            Round = round;
            Pending = [.. RoundProgress.Recipients(await progress.RowsAsync(round, ct)).Where(r => !r.HasAnswered)];
            return Page();
        }

        TempData["Status"] = "The reminder is in the outbox.";
        return RedirectToPage("/Rounds/Progress", new { id });
    }
}
