using JiuTracker.Web.Data;
using JiuTracker.Web.Domain;
using JiuTracker.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace JiuTracker.Web.Pages.Admin.Reports;

/// <summary>Registers a new JIU report; its recommendations are added afterwards, one by one or pasted.</summary>
public class CreateModel(JiuDbContext db, TimeProvider time) : PageModel
{
    [BindProperty]
    public ReportInput Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var symbol = await Input.ValidateAsync(ModelState, db, null, ct);
        if (!ModelState.IsValid || symbol is null)
        {
            return Page();
        }

        var report = new Report(symbol, Input.Title);
        report.Revise(symbol, Input.Title, Input.ReviewHighlightsUrl);
        report.SetCebComments(Input.CebComments, Input.CebCommentsReference);
        db.Reports.Add(report);
        db.RecordAdminChange(this.Stamp(time), AdminAction.ReportCreated, report.Symbol,
            $"Registered \"{report.Title}\"; CEB comments {report.CebComments.Label().ToLowerInvariant()}.");
        if (!await ReportInput.TrySaveAsync(ModelState, db, symbol, null, ct))
        {
            return Page();
        }

        TempData["Status"] = $"{report.Symbol} registered. Add its recommendations below.";
        return RedirectToPage("/Admin/Reports/Edit", new { id = report.Id });
    }
}
