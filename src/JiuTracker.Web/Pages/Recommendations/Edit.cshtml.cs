using System.ComponentModel.DataAnnotations;
using JiuTracker.Web.Data;
using JiuTracker.Web.Domain;
using JiuTracker.Web.FollowUp;
using JiuTracker.Web.Security;
using JiuTracker.Web.Updates;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace JiuTracker.Web.Pages.Recommendations;

/// <summary>
/// A focal point of the report (or an administrator) records acceptance, implementation and a comment.
/// A save that started from an older version than the stored one is refused and shows the newer values.
/// </summary>
public class EditModel(JiuDbContext db, IAuthorizationService authorization, IOptions<FollowUpOptions> followUp, RecommendationSave save, TimeProvider time) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public Recommendation Recommendation { get; private set; } = null!;

    public bool ValidatesImplementation => followUp.Value.ValidateImplementation;

    /// <summary>Set when another save came first: the values stored now, which the user's form did not start from.</summary>
    public StoredValues? Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var outcome = await LoadEditableAsync(id, ct);
        if (outcome is not null)
        {
            return outcome;
        }

        Input = new InputModel
        {
            Acceptance = Recommendation.Acceptance,
            Implementation = Recommendation.StatedImplementation,
            Version = Recommendation.Version,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadEditableAsync(id, ct) is { } refusal)
        {
            return refusal;
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var saved = await save.SaveAsync(Recommendation, Input.Version!.Value, Input.Acceptance, Input.Implementation, Input.NewComment, this.Stamp(time), ct);
        switch (saved.Result)
        {
            case RecommendationSaveResult.Stale:
                return ConflictPage(saved.Stored!);
            case RecommendationSaveResult.RuleBroken:
                ModelState.AddModelError(string.Empty, saved.Rule!);
                return Page();
            case RecommendationSaveResult.Unchanged:
                ModelState.AddModelError(string.Empty, "Nothing to save: the statuses are as stored and no comment was written.");
                return Page();
        }

        var next = await db.Recommendations.InForce()
            .Where(r => r.ReportId == Recommendation.ReportId && r.Number > Recommendation.Number)
            .OrderBy(r => r.Number)
            .Select(r => new SavedRecommendation.Following(r.Id, r.Number))
            .FirstOrDefaultAsync(ct);
        new SavedRecommendation(Recommendation.Number, next).KeepIn(TempData);
        return RedirectToPage("/Reports/Details", null, new { id = Recommendation.ReportId }, SavedRecommendation.Anchor(Recommendation.Number));
    }

    /// <returns>null when the recommendation exists and the user may edit it; otherwise the response to send.</returns>
    private async Task<IActionResult?> LoadEditableAsync(int id, CancellationToken ct)
    {
        var recommendation = await db.Recommendations.Include(r => r.Report).Include(r => r.Comments).SingleOrDefaultAsync(r => r.Id == id, ct);
        if (recommendation is null)
        {
            return NotFound();
        }

        if (!(await authorization.AuthorizeAsync(User, new EditedReport(recommendation.ReportId), Policies.EditReport)).Succeeded)
        {
            return Forbid();
        }

        Recommendation = recommendation;
        return null;
    }

    private PageResult ConflictPage(Recommendation stored)
    {
        Recommendation = stored;
        Conflict = new StoredValues(stored.Acceptance, stored.StatedImplementation, stored.Version);
        ModelState.AddModelError(string.Empty,
            "Someone else saved this recommendation after you opened it, so your changes were not saved. " +
            "The values stored now are in the yellow box headed \"Stored now\"; the choices in the form below it are yours. " +
            "Save again to replace the stored values with yours, or change your choices first.");
        // The form now builds on the stored version, so saving again is a deliberate overwrite.
        ModelState.Remove($"{nameof(Input)}.{nameof(InputModel.Version)}");
        Input.Version = stored.Version;
        return Page();
    }

    public sealed record StoredValues(Acceptance? Acceptance, ImplementationStatus? Implementation, int Version);

    public sealed class InputModel
    {
        [EnumDataType(typeof(Acceptance), ErrorMessage = "Choose one of the listed acceptance values.")]
        public Acceptance? Acceptance { get; set; }

        [EnumDataType(typeof(ImplementationStatus), ErrorMessage = "Choose one of the listed implementation statuses.")]
        public ImplementationStatus? Implementation { get; set; }

        [StringLength(Comment.MaxLength, ErrorMessage = Comment.TooLongMessage)]
        [Display(Name = "New comment")]
        public string? NewComment { get; set; }

        [Required(ErrorMessage = "The form is incomplete (its version is missing); reload the page and try again.")]
        public int? Version { get; set; }
    }
}
