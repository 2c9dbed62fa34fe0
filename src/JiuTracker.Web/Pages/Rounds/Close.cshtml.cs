using JiuTracker.Web.Data;
using JiuTracker.Web.Domain;
using JiuTracker.Web.FollowUp;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace JiuTracker.Web.Pages.Rounds;

/// <summary>Closes a round after confirmation: no more reminders, its figures fixed, the document and workbook frozen.</summary>
public class CloseModel(JiuDbContext db, RoundClosing closing, TimeProvider time) : PageModel
{
    public FollowUpRound Round { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await db.FollowUpRounds.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct) is not { } round)
        {
            return NotFound();
        }

        Round = round;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await db.FollowUpRounds.AnyAsync(r => r.Id == id, ct))
        {
            return NotFound();
        }

        if (await closing.CloseAsync(id, this.Stamp(time), ct) is { } problem)
        {
            TempData["Problem"] = problem;
        }
        else
        {
            TempData["Status"] = "The round is closed. Its document and workbook are frozen below.";
        }

        return RedirectToPage("/Rounds/Progress", new { id });
    }
}
