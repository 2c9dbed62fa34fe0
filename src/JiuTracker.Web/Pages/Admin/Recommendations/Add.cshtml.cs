using System.ComponentModel.DataAnnotations;
using JiuTracker.Web.Data;
using JiuTracker.Web.Domain;
using JiuTracker.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace JiuTracker.Web.Pages.Admin.Recommendations;

/// <summary>Adds one recommendation to a report; addressee and deadline are read from the text unless given.</summary>
public class AddModel(JiuDbContext db, TimeProvider time) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public int ReportId { get; private set; }

    public string Symbol { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int reportId, CancellationToken ct)
    {
        var report = await db.Reports.AsNoTracking().Include(r => r.Recommendations).SingleOrDefaultAsync(r => r.Id == reportId, ct);
        if (report is null)
        {
            return NotFound();
        }

        (ReportId, Symbol) = (report.Id, report.Symbol);
        Input.Number = report.Recommendations.Count == 0 ? 1 : report.Recommendations.Max(r => r.Number) + 1;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int reportId, CancellationToken ct)
    {
        var report = await db.Reports.Include(r => r.Recommendations).SingleOrDefaultAsync(r => r.Id == reportId, ct);
        if (report is null)
        {
            return NotFound();
        }

        (ReportId, Symbol) = (report.Id, report.Symbol);
        DraftValidation.Check(ModelState, nameof(Input), Input.Number, Input.Text, Input.DeadlineYear,
            report.Recommendations.Select(r => r.Number).ToHashSet(), report.Symbol);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var text = Input.Text.Trim();
        var recommendation = report.AddRecommendation(
            Input.Number!.Value,
            text,
            Input.Addressee ?? RecommendationText.DetectAddressee(text),
            Input.DeadlineYear ?? RecommendationText.DetectDeadlineYear(text),
            Input.Note);
        db.RecordAdminChange(this.Stamp(time), AdminAction.RecommendationAdded,
            $"{report.Symbol} recommendation {recommendation.Number}", DraftValidation.Describe(recommendation));
        var number = recommendation.Number;
        if (!await db.TrySaveUniqueAsync(ModelState, "Input.Number", UniqueSave.When(
            (fresh, token) => fresh.Recommendations.AsNoTracking().AnyAsync(r => r.ReportId == reportId && r.Number == number, token),
            DraftValidation.AlreadyExists(report.Symbol, [number])), ct))
        {
            return Page();
        }

        TempData["Status"] = $"Recommendation {recommendation.Number} added to {report.Symbol}.";
        return RedirectToPage("/Admin/Reports/Edit", null, new { id = report.Id }, "recommendations");
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter the recommendation's number, as the JIU numbered it.")]
        public int? Number { get; set; }

        [Required(ErrorMessage = "Enter the recommendation's text.")]
        public string Text { get; set; } = "";

        [EnumDataType(typeof(Addressee), ErrorMessage = "Choose one of the listed addressees.")]
        public Addressee? Addressee { get; set; }

        [Display(Name = "Deadline year")]
        public int? DeadlineYear { get; set; }

        [StringLength(2000, ErrorMessage = "The note can have at most 2,000 characters.")]
        [Display(Name = "For information only: note")]
        public string? Note { get; set; }
    }
}
