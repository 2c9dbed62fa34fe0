using System.ComponentModel.DataAnnotations;
using JiuTracker.Web.Data;
using JiuTracker.Web.Domain;
using JiuTracker.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace JiuTracker.Web.Pages.Admin.Recommendations;

/// <summary>
/// An administrator revises a recommendation's text, addressee, deadline or note, or withdraws it with a reason.
/// Every change is in its history; a recommendation is never deleted.
/// </summary>
public class EditModel(JiuDbContext db, TimeProvider time) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public Recommendation Recommendation { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Input = new InputModel
        {
            Text = Recommendation.Text,
            Addressee = Recommendation.Addressee,
            DeadlineYear = Recommendation.DeadlineYear,
            Note = Recommendation.InformationOnlyNote,
            Version = Recommendation.Version,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        DraftValidation.Check(ModelState, nameof(Input), null, Input.Text, Input.DeadlineYear, new HashSet<int>(), Recommendation.Report.Symbol);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (Input.Version != Recommendation.Version)
        {
            return Stale();
        }

        var before = (Recommendation.Text, Recommendation.Addressee, Recommendation.DeadlineYear, Recommendation.InformationOnlyNote);
        try
        {
            if (!Recommendation.Revise(Input.Text, Input.Addressee!.Value, Input.DeadlineYear, Input.Note, this.Stamp(time)))
            {
                ModelState.AddModelError(string.Empty, "Nothing to save: the recommendation is as stored.");
                return Page();
            }
        }
        catch (DomainRuleException rule)
        {
            ModelState.AddModelError(string.Empty, rule.Message);
            return Page();
        }

        db.RecordAdminChange(this.Stamp(time), AdminAction.RecommendationRevised, Subject, string.Join("\n", ChangesSince(before)));
        return await SaveAndReturnAsync($"Recommendation {Recommendation.Number} saved.", ct);
    }

    public async Task<IActionResult> OnPostWithdrawAsync(int id, string? reason, int? version, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        // The withdrawal form posts only its reason: the revision fields are not in question.
        ModelState.Clear();
        Input = InputFrom(Recommendation);
        if (version != Recommendation.Version)
        {
            return Stale();
        }

        if ((reason?.Length ?? 0) > 2000)
        {
            ModelState.AddModelError("reason", "The reason can have at most 2,000 characters.");
            return Page();
        }

        try
        {
            Recommendation.Withdraw(reason ?? "", this.Stamp(time));
        }
        catch (DomainRuleException rule)
        {
            ModelState.AddModelError("reason", rule.Message);
            return Page();
        }

        db.RecordAdminChange(this.Stamp(time), AdminAction.RecommendationWithdrawn, Subject, $"Withdrawn. Reason: {Recommendation.WithdrawalReason}");
        return await SaveAndReturnAsync($"Recommendation {Recommendation.Number} withdrawn; its history is kept.", ct);
    }

    private string Subject => $"{Recommendation.Report.Symbol} recommendation {Recommendation.Number}";

    private async Task<IActionResult> SaveAndReturnAsync(string status, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            await LoadAsync(Recommendation.Id, ct);
            return Stale();
        }

        TempData["Status"] = status;
        return RedirectToPage("/Admin/Reports/Edit", null, new { id = Recommendation.ReportId }, "recommendations");
    }

    private IEnumerable<string> ChangesSince((string Text, Addressee Addressee, int? DeadlineYear, string? Note) before)
    {
        if (before.Text != Recommendation.Text)
        {
            yield return AdminAuditLog.Change("Text", before.Text, Recommendation.Text);
        }

        if (before.Addressee != Recommendation.Addressee)
        {
            yield return AdminAuditLog.Change("Addressee", before.Addressee.Label(), Recommendation.Addressee.Label());
        }

        if (before.DeadlineYear != Recommendation.DeadlineYear)
        {
            yield return AdminAuditLog.Change("Deadline", before.DeadlineYear?.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Recommendation.DeadlineYear?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (before.Note != Recommendation.InformationOnlyNote)
        {
            yield return AdminAuditLog.Change("Information-only note", before.Note, Recommendation.InformationOnlyNote);
        }
    }

    /// <summary>Someone changed the recommendation since the form was read: show what is stored now, change nothing.</summary>
    private PageResult Stale()
    {
        ModelState.Clear();
        Input = InputFrom(Recommendation);
        ModelState.AddModelError(string.Empty,
            "Someone else changed this recommendation after you opened it, so nothing was saved. The stored values are shown now; make your change again.");
        return Page();
    }

    private static InputModel InputFrom(Recommendation recommendation) => new()
    {
        Text = recommendation.Text,
        Addressee = recommendation.Addressee,
        DeadlineYear = recommendation.DeadlineYear,
        Note = recommendation.InformationOnlyNote,
        Version = recommendation.Version,
    };

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var recommendation = await db.Recommendations.Include(r => r.Report).SingleOrDefaultAsync(r => r.Id == id, ct);
        if (recommendation is not null)
        {
            Recommendation = recommendation;
        }

        return recommendation is not null;
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter the recommendation's text.")]
        public string Text { get; set; } = "";

        [Required(ErrorMessage = "Choose the addressee.")]
        [EnumDataType(typeof(Addressee), ErrorMessage = "Choose one of the listed addressees.")]
        public Addressee? Addressee { get; set; }

        [Display(Name = "Deadline year")]
        public int? DeadlineYear { get; set; }

        [StringLength(2000, ErrorMessage = "The note can have at most 2,000 characters.")]
        [Display(Name = "For information only: note")]
        public string? Note { get; set; }

        [Required(ErrorMessage = "The form is incomplete (its version is missing); reload the page and try again.")]
        public int? Version { get; set; }
    }
}
