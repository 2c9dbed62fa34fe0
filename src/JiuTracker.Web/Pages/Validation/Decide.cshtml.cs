using System.ComponentModel.DataAnnotations;
using JiuTracker.Web.Data;
using JiuTracker.Web.Domain;
using JiuTracker.Web.Settings;
using JiuTracker.Web.Validation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace JiuTracker.Web.Pages.Validation;

/// <summary>
/// One claimed implementation with everything a coordinator decides on — the recommendation, its comments and its
/// evidence — and the two decisions: accept (a justification when no evidence is in force) or return with a reason.
/// </summary>
public class DecideModel(JiuDbContext db, ClaimDecisions decisions, IOptions<AppOptions> app, TimeProvider time) : PageModel
{
    [BindProperty]
    [Display(Name = "Justification")]
    public string? Justification { get; set; }

    [BindProperty]
    [Display(Name = "Reason for returning it")]
    public string? Reason { get; set; }

    /// <summary>The recommendation's version the form was opened on.</summary>
    [BindProperty]
    public int? Version { get; set; }

    public Recommendation Recommendation { get; private set; } = null!;

    public IReadOnlyList<EvidenceFile> EvidenceInForce { get; private set; } = [];

    public IReadOnlyList<Comment> LatestComments { get; private set; } = [];

    public bool IsOwnClaim => ClosureClaims.IsClaimer(Recommendation.ClaimedBy, User.Identity?.Name);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Version = Recommendation.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAcceptAsync(int id, CancellationToken ct) =>
        await DecidedAsync(id, nameof(Justification), await decisions.AcceptAsync(id, Version, Justification, this.Stamp(time), ct),
            "The implementation was validated: it now counts as Implemented.", ct);

    public async Task<IActionResult> OnPostReturnAsync(int id, CancellationToken ct) =>
        await DecidedAsync(id, nameof(Reason), await decisions.ReturnAsync(id, Version, Reason, app.Value.LinkBase(Request), this.Stamp(time), ct),
            "The claim was returned: the status stays as it was before it, and the claimer is told by e-mail and on their start page.", ct);

    private async Task<IActionResult> DecidedAsync(int id, string field, ClaimDecisions.Outcome outcome, string done, CancellationToken ct)
    {
        if (outcome.Problem is null)
        {
            TempData["Status"] = done;
            return RedirectToPage("/Validation/Index");
        }

        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        // Beside the field when the form is shown again; otherwise above everything.
        var formShown = Recommendation.IsImplementationClaimed && !IsOwnClaim;
        ModelState.AddModelError(outcome.Changed || !formShown ? string.Empty : field, outcome.Problem);
        if (outcome.Changed)
        {
            // The form now builds on what is stored: deciding again is deliberate.
            ModelState.Remove(nameof(Version));
            Version = Recommendation.Version;
        }

        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var recommendation = await db.Recommendations.AsNoTracking()
            .Include(r => r.Report)
            .Include(r => r.Evidence).ThenInclude(e => e.Withdrawal)
            .SingleOrDefaultAsync(r => r.Id == id && r.WithdrawnAt == null, ct);
        if (recommendation is null)
        {
            return false;
        }

        Recommendation = recommendation;
        EvidenceInForce = [.. recommendation.Evidence.Where(e => !e.IsWithdrawn).OrderBy(e => e.UploadedAt).ThenBy(e => e.Id)];
        LatestComments = await db.Comments.AsNoTracking()
            .Where(c => c.RecommendationId == id)
            .OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id)
            .Take(5)
            .ToListAsync(ct);
        return true;
    }
}
