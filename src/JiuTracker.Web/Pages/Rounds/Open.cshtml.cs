using System.ComponentModel.DataAnnotations;
using JiuTracker.Web.Data;
using JiuTracker.Web.FollowUp;
using JiuTracker.Web.Requests;
using JiuTracker.Web.Settings;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace JiuTracker.Web.Pages.Rounds;

/// <summary>
/// Opens a follow-up round: its name, due date, message and reports (by default those with a recommendation that
/// is open). Opening writes one e-mail per focal point into the outbox.
/// </summary>
[FormValueCount(MostFormValues)]
public class OpenModel(JiuDbContext db, RoundOpening opening, IOptions<AppOptions> app, TimeProvider time) : PageModel
{
    /// <summary>One value per report ticked, beyond the form reader's 1,024 by default: as many reports as a register holds, and the other fields.</summary>
    public const int MostFormValues = 100_000 + 16;

    [BindProperty]
    [Display(Name = "Name")]
    public string? Name { get; set; }

    [BindProperty]
    [Display(Name = "Due date")]
    public DateOnly? DueDate { get; set; }

    [BindProperty]
    [Display(Name = "Message to the focal points")]
    public string? Message { get; set; }

    /// <summary>The reports chosen; on the first showing, the default scope.</summary>
    [BindProperty]
    public List<int> ReportIds { get; set; } = [];

    public IReadOnlyList<Choice> Reports { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        ReportIds = await opening.DefaultScope().ToListAsync(ct);
        DueDate = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime).AddDays(28);
        await LoadReportsAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (ReportIds.Count == 0)
        {
            ModelState.AddModelError(nameof(ReportIds), "Choose at least one report for the round to ask about.");
        }

        if (!ModelState.IsValid)
        {
            await LoadReportsAsync(ct);
            return Page();
        }

        var outcome = await opening.OpenAsync(new RoundOpening.Request(Name, DueDate, Message, ReportIds), app.Value.LinkBase(Request), this.Stamp(time), ct);
        if (outcome.Round is not { } round)
        {
            foreach (var (field, message) in outcome.Problems)
            {
                ModelState.AddModelError(field == nameof(RoundOpening.Request.ReportIds) ? nameof(ReportIds) : field, message);
            }

            await LoadReportsAsync(ct);
            return Page();
        }

        TempData["Status"] = $"The round \"{round.Name}\" is open: {outcome.Emails} e-mail(s) to focal points are in the outbox.";
        return RedirectToPage("/Rounds/Progress", new { id = round.Id });
    }

    private async Task LoadReportsAsync(CancellationToken ct)
    {
        var needing = await opening.DefaultScope().ToListAsync(ct);
        Reports = await db.Reports.AsNoTracking().InListOrder()
            .Select(r => new Choice(r.Id, r.Symbol, r.Title, needing.Contains(r.Id)))
            .ToListAsync(ct);
    }

    public sealed record Choice(int Id, string Symbol, string Title, bool IsOpen);
}
