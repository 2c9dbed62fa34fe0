using System.ComponentModel.DataAnnotations;
using JiuTracker.Web.Data;
using JiuTracker.Web.Domain;
using JiuTracker.Web.Import;
using JiuTracker.Web.Import.Reading;
using JiuTracker.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace JiuTracker.Web.Pages.Admin.Recommendations;

/// <summary>
/// Paste the recommendations block of a report: "Preview" splits it into editable rows with number, addressee and
/// deadline read from the text; "Save" checks every row again and adds them all, or nothing while any row has an error.
/// </summary>
public class PasteModel(JiuDbContext db, TimeProvider time) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public int ReportId { get; private set; }

    public string Symbol { get; private set; } = "";

    public bool Previewed { get; private set; }

    public IReadOnlyList<BlockLine> IgnoredLines { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int reportId, CancellationToken ct) =>
        await LoadReportAsync(reportId, ct) is null ? NotFound() : Page();

    public async Task<IActionResult> OnPostPreviewAsync(int reportId, CancellationToken ct)
    {
        var report = await LoadReportAsync(reportId, ct);
        if (report is null)
        {
            return NotFound();
        }

        // The rows come from the block alone: whatever rows the form carried are replaced.
        ModelState.Clear();
        var block = RecommendationBlockParser.Parse(Input.Block);
        IgnoredLines = block.IgnoredLines;
        Input.Rows = [.. block.Recommendations.Select(r => new RowInput
        {
            Number = r.Number,
            Text = r.Text,
            Addressee = r.Addressee,
            DeadlineYear = r.DeadlineYear,
            Line = r.Line,
        })];
        if (Input.Rows.Count == 0)
        {
            ModelState.AddModelError("Input.Block",
                "No recommendation was found: each one must start on a new line with \"Recommendation\" and its number, as in \"Recommendation 1: The executive heads … should …\".");
            return Page();
        }

        Previewed = true;
        CheckRows(report);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(int reportId, CancellationToken ct)
    {
        var report = await LoadReportAsync(reportId, ct);
        if (report is null)
        {
            return NotFound();
        }

        Previewed = true;
        IgnoredLines = RecommendationBlockParser.Parse(Input.Block).IgnoredLines;
        var kept = Input.Rows.Where(r => !r.LeaveOut).ToList();
        if (kept.Count == 0)
        {
            ModelState.AddModelError(string.Empty, "Every row is left out: there is nothing to save.");
        }

        CheckRows(report);
        if (!ModelState.IsValid)
        {
            ModelState.AddModelError(string.Empty, "Nothing was saved: correct the rows marked below, then save again.");
            return Page();
        }

        var stamp = this.Stamp(time);
        foreach (var row in kept)
        {
            var recommendation = report.AddRecommendation(row.Number!.Value, row.Text!.Trim(), row.Addressee!.Value, row.DeadlineYear);
            db.RecordAdminChange(stamp, AdminAction.RecommendationAdded, $"{report.Symbol} recommendation {recommendation.Number}",
                "Added from a pasted recommendations block. " + DraftValidation.Describe(recommendation));
        }

        var numbers = kept.Select(r => r.Number!.Value).ToList();
        if (!await db.TrySaveUniqueAsync(ModelState, string.Empty, async (fresh, token) =>
            await fresh.Recommendations.AsNoTracking().Where(r => r.ReportId == reportId && numbers.Contains(r.Number)).Select(r => r.Number).OrderBy(n => n).ToListAsync(token)
                is { Count: > 0 } taken ? $"{DraftValidation.AlreadyExists(report.Symbol, taken)} Nothing was saved." : null, ct))
        {
            return Page();
        }

        TempData["Status"] = $"{kept.Count} recommendation(s) added to {report.Symbol}: {string.Join(", ", kept.Select(r => r.Number))}.";
        return RedirectToPage("/Admin/Reports/Edit", null, new { id = report.Id }, "recommendations");
    }

    /// <summary>Every kept row: a number from 1 to 999 that neither the report nor another row has, a text, a plausible deadline.</summary>
    private void CheckRows(Report report)
    {
        var taken = report.Recommendations.Select(r => r.Number).ToHashSet();
        var kept = Input.Rows.Select((row, index) => (row, index)).Where(r => !r.row.LeaveOut).ToList();
        foreach (var (row, index) in kept)
        {
            var prefix = $"Input.Rows[{index}]";
            if (row.Number is null && ModelState.GetFieldValidationState($"{prefix}.Number") != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
            {
                ModelState.AddModelError($"{prefix}.Number", $"Row {index + 1}: enter the recommendation's number.");
            }

            if (string.IsNullOrWhiteSpace(row.Text))
            {
                ModelState.AddModelError($"{prefix}.Text", $"Row {index + 1} (recommendation {row.Number}): the text is empty.");
            }

            if (row.Addressee is null)
            {
                ModelState.AddModelError($"{prefix}.Addressee", $"Row {index + 1}: choose the addressee.");
            }

            DraftValidation.Check(ModelState, prefix, row.Number, row.Text, row.DeadlineYear, taken, report.Symbol);
            var first = kept.FirstOrDefault(k => k.row.Number == row.Number);
            if (row.Number is not null && first.index != index)
            {
                ModelState.AddModelError($"{prefix}.Number",
                    $"Row {index + 1}: recommendation {row.Number} appears twice (rows {first.index + 1} and {index + 1}); correct one number or leave one row out.");
            }
        }
    }

    private async Task<Report?> LoadReportAsync(int reportId, CancellationToken ct)
    {
        var report = await db.Reports.Include(r => r.Recommendations).SingleOrDefaultAsync(r => r.Id == reportId, ct);
        if (report is not null)
        {
            (ReportId, Symbol) = (report.Id, report.Symbol);
        }

        return report;
    }

    /// <summary>The message for a row's field, for showing it in place.</summary>
    public string? ErrorFor(int index, string field) =>
        ModelState[$"Input.Rows[{index}].{field}"]?.Errors.FirstOrDefault()?.ErrorMessage;

    public sealed class InputModel
    {
        [StringLength(200_000, ErrorMessage = "The block can have at most 200,000 characters; paste it in parts.")]
        [Display(Name = "Recommendations block")]
        public string? Block { get; set; }

        public List<RowInput> Rows { get; set; } = [];
    }

    public sealed class RowInput
    {
        [Display(Name = "Number")]
        public int? Number { get; set; }

        public string? Text { get; set; }

        public Addressee? Addressee { get; set; }

        [Display(Name = "Deadline year")]
        public int? DeadlineYear { get; set; }

        /// <summary>The block line where the recommendation started, to help find it.</summary>
        public int Line { get; set; }

        public bool LeaveOut { get; set; }
    }
}
