using JiuTracker.Web.Data;
using JiuTracker.Web.Domain;
using JiuTracker.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace JiuTracker.Web.Pages.Admin.Reports;

/// <summary>A report's details, its focal points (assign, remove) and its recommendations (add, paste, revise, withdraw).</summary>
public class EditModel(JiuDbContext db, TimeProvider time) : PageModel
{
    [BindProperty]
    public ReportInput Input { get; set; } = new();

    public int ReportId { get; private set; }

    public string Symbol { get; private set; } = "";

    public IReadOnlyList<AssignedFocalPoint> FocalPoints { get; private set; } = [];

    public IReadOnlyList<AssignedFocalPoint> Assignable { get; private set; } = [];

    public IReadOnlyList<RecommendationRow> Recommendations { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var report = await db.Reports.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct);
        if (report is null)
        {
            return NotFound();
        }

        Input = ReportInput.From(report);
        await LoadAsync(report, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var report = await db.Reports.SingleOrDefaultAsync(r => r.Id == id, ct);
        if (report is null)
        {
            return NotFound();
        }

        var symbol = await Input.ValidateAsync(ModelState, db, id, ct);
        if (!ModelState.IsValid || symbol is null)
        {
            await LoadAsync(report, ct);
            return Page();
        }

        var changes = Input.ChangesFrom(report);
        if (changes.Count == 0)
        {
            ModelState.AddModelError(string.Empty, "Nothing to save: the report is as stored.");
            await LoadAsync(report, ct);
            return Page();
        }

        var subject = report.Symbol;
        report.Revise(symbol, Input.Title, Input.ReviewHighlightsUrl);
        report.SetCebComments(Input.CebComments, Input.CebCommentsReference);
        db.RecordAdminChange(this.Stamp(time), AdminAction.ReportRevised, subject, string.Join("\n", changes));
        if (!await ReportInput.TrySaveAsync(ModelState, db, symbol, id, ct))
        {
            await LoadAsync(report, ct);
            return Page();
        }

        TempData["Status"] = $"{report.Symbol} saved.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostAssignAsync(int id, int? focalPointId, CancellationToken ct)
    {
        // This form posts no report fields: the report form's bound input is not in question here.
        ModelState.Clear();
        var report = await db.Reports.Include(r => r.FocalPoints).SingleOrDefaultAsync(r => r.Id == id, ct);
        if (report is null)
        {
            return NotFound();
        }

        var focalPoint = focalPointId is null ? null : await db.FocalPoints.SingleOrDefaultAsync(f => f.Id == focalPointId, ct);
        if (focalPoint is null || report.FocalPoints.Contains(focalPoint))
        {
            ModelState.AddModelError("focalPointId", focalPoint is null
                ? "Choose the focal point to assign from the list."
                : $"{focalPoint.NameWithUnit} is already a focal point of {report.Symbol}.");
            Input = ReportInput.From(report);
            await LoadAsync(report, ct);
            return Page();
        }

        report.Assign(focalPoint);
        db.RecordAdminChange(this.Stamp(time), AdminAction.FocalPointAssigned, report.Symbol, $"{focalPoint.NameWithUnit} assigned as focal point.");
        var focalPointKey = focalPoint.Id;
        if (!await db.TrySaveUniqueAsync(ModelState, "focalPointId", UniqueSave.When(
            (fresh, token) => fresh.Reports.AsNoTracking().AnyAsync(r => r.Id == id && r.FocalPoints.Any(f => f.Id == focalPointKey), token),
            $"{focalPoint.NameWithUnit} is already a focal point of {report.Symbol}."), ct))
        {
            Input = ReportInput.From(report);
            await LoadAsync(report, ct);
            return Page();
        }

        TempData["Status"] = $"{focalPoint.NameWithUnit} is now a focal point of {report.Symbol}.";
        return RedirectToPage(null, null, new { id }, "focal-points");
    }

    public async Task<IActionResult> OnPostUnassignAsync(int id, int focalPointId, CancellationToken ct)
    {
        // This form posts no report fields: the report form's bound input is not in question here.
        ModelState.Clear();
        var report = await db.Reports.Include(r => r.FocalPoints).SingleOrDefaultAsync(r => r.Id == id, ct);
        if (report is null)
        {
            return NotFound();
        }

        var focalPoint = report.FocalPoints.SingleOrDefault(f => f.Id == focalPointId);
        if (focalPoint is null)
        {
            ModelState.AddModelError("focalPointId", "That person is not a focal point of this report (any more); the list below is current.");
            Input = ReportInput.From(report);
            await LoadAsync(report, ct);
            return Page();
        }

        report.Unassign(focalPoint);
        db.RecordAdminChange(this.Stamp(time), AdminAction.FocalPointUnassigned, report.Symbol, $"{focalPoint.NameWithUnit} removed as focal point.");
        await db.SaveChangesAsync(ct);
        TempData["Status"] = $"{focalPoint.NameWithUnit} is no longer a focal point of {report.Symbol}.";
        return RedirectToPage(null, null, new { id }, "focal-points");
    }

    private async Task LoadAsync(Report report, CancellationToken ct)
    {
        ReportId = report.Id;
        Symbol = await db.Reports.Where(r => r.Id == report.Id).Select(r => r.Symbol).SingleAsync(ct);
        var people = await db.FocalPoints.AsNoTracking()
            .OrderBy(f => f.Name)
            .Select(f => new { f.Id, f.Title, f.Name, f.Unit, Assigned = f.Reports.Any(r => r.Id == report.Id) })
            .ToListAsync(ct);
        FocalPoints = [.. people.Where(p => p.Assigned).Select(p => new AssignedFocalPoint(p.Id, new(p.Title, p.Name, p.Unit)))];
        Assignable = [.. people.Where(p => !p.Assigned).Select(p => new AssignedFocalPoint(p.Id, new(p.Title, p.Name, p.Unit)))];
        Recommendations = await db.Recommendations.AsNoTracking()
            .Where(r => r.ReportId == report.Id)
            .OrderBy(r => r.Number)
            .Select(r => new RecommendationRow(r.Id, r.Number, r.Text, r.Addressee, r.DeadlineYear, r.InformationOnlyNote != null, r.WithdrawnAt, r.WithdrawalReason))
            .ToListAsync(ct);
    }

    public sealed record AssignedFocalPoint(int Id, FocalPointName Name);

    public sealed record RecommendationRow(
        int Id, int Number, string Text, Addressee Addressee, int? DeadlineYear, bool InformationOnly, DateTimeOffset? WithdrawnAt, string? WithdrawalReason);
}
