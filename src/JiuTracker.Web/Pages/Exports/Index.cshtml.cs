using JiuTracker.Web.Dashboard;
using JiuTracker.Web.Export;
using JiuTracker.Web.Security;
using JiuTracker.Web.Updates;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace JiuTracker.Web.Pages.Exports;

/// <summary>
/// Every export in one place: choose the reports and the day, then the format. The form comes back here first, so a
/// choice that cannot be used is explained on the page, and a good one is sent on to the export with only what was chosen.
/// </summary>
public class IndexModel(DashboardData dashboard, ExportSource source, TimeProvider time) : PageModel
{
    private static readonly Dictionary<string, string> Formats = new()
    {
        ["docx"] = ExportEndpoints.DocumentPath,
        ["xlsx"] = ExportEndpoints.WorkbookPath,
        ["history"] = ExportEndpoints.HistoryCsvPath,
        [UpdateFormat] = UpdateWorkbookEndpoint.Path,
    };

    private const string UpdateFormat = "update";

    /// <summary>The as-of field's name, under which its messages are kept.</summary>
    public const string AsOfField = "asOf";

    [BindProperty(SupportsGet = true, Name = "")]
    public ExportScope Scope { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? Format { get; set; }

    public FilterOptions Options { get; private set; } = null!;

    public bool IncludesWithdrawn => ExportReaders.MayReadWithdrawn(User);

    /// <summary>Focal points and administrators may take an update workbook of the chosen reports.</summary>
    public bool MayRecordStatuses => EditableReports.MayEditSome(User);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Options = (await dashboard.OptionsAsync(ct)).Value;
        if (Format is null)
        {
            ModelState.Clear();
            return Page();
        }

        if (!Formats.TryGetValue(Format, out var path))
        {
            ModelState.AddModelError(nameof(Format), $"Unknown format \"{Format}\".");
        }
        else if (Format == UpdateFormat && Scope.AsOf is not null)
        {
            ModelState.AddModelError(AsOfField, "An update workbook holds today's statuses: leave \"Status as of\" empty for it.");
        }

        foreach (var problem in Scope.Problems(time))
        {
            ModelState.AddModelError(string.Empty, problem);
        }

        // A day before anything was recorded for the chosen reports would export empty tables: said on the day's field.
        if (ModelState.IsValid && await source.NothingRecordedAsync(Scope, ct) is { } nothing)
        {
            ModelState.AddModelError(AsOfField, nothing);
        }

        if (!ModelState.IsValid)
        {
            // The choices come back with the reasons, as a refusal.
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        return Redirect(path + QueryString.Create(Scope.ToQuery()));
    }
}
