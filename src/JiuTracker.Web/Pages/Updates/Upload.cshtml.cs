using JiuTracker.Web.Import;
using JiuTracker.Web.Settings;
using JiuTracker.Web.Updates;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace JiuTracker.Web.Pages.Updates;

/// <summary>
/// Upload an update workbook filled in offline: the file is kept and every row previewed (what changes, what is
/// unchanged, in conflict or refused, and why); "Apply" saves the rows that change something, once.
/// </summary>
[RequestSizeLimit(ImportOptions.LargestUploadRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = ImportOptions.LargestUploadRequestBytes)]
public class UploadModel(WorkbookUpdates updates, OrganizationTime organizationTime, TimeProvider time) : PageModel
{
    /// <summary>The stored upload the preview shows, carried to "Apply".</summary>
    [BindProperty]
    public int? UploadId { get; set; }

    public WorkbookPreview? Preview { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostPreviewAsync(IFormFile? workbook, CancellationToken ct)
    {
        UploadId = null;
        if (workbook is null || workbook.Length == 0)
        {
            ModelState.AddModelError("workbook", "Choose the update workbook to upload (.xlsx), as downloaded from JiuTracker and filled in.");
            return Page();
        }

        var stamp = this.Stamp(time);
        WorkbookUploadOutcome outcome;
        await using (var stream = workbook.OpenReadStream())
        {
            outcome = await updates.UploadAsync(stream, workbook.FileName, stamp, ct);
        }

        if (outcome.Refusal is not null)
        {
            ModelState.AddModelError("workbook", outcome.Refusal);
            return Page();
        }

        Preview = await updates.PreviewAsync(outcome.Upload!, outcome.File!, User, stamp, ct);
        UploadId = outcome.Upload!.Id;
        return Page();
    }

    public async Task<IActionResult> OnPostApplyAsync(CancellationToken ct)
    {
        if (UploadId is not { } id)
        {
            ModelState.AddModelError(string.Empty, "The form lost its workbook; upload it again.");
            return Page();
        }

        var outcome = await updates.ApplyAsync(id, User, this.Stamp(time), ct);
        switch (outcome.Result)
        {
            case WorkbookApplyResult.Applied:
                var preview = outcome.Preview!;
                var changed = preview.Count(WorkbookRowKind.Change);
                TempData["Status"] = (changed > 0
                    ? $"Applied {preview.Upload.FileName}: {changed} recommendation(s) changed"
                    : $"Nothing was applied from {preview.Upload.FileName}") + $"{NotApplied(preview)}.";
                var reports = preview.Of(WorkbookRowKind.Change).Select(r => r.ReportId).Distinct().ToList();
                // One report: its matrix shows what was applied; several: this page says so, with the links to them.
                return reports is [{ } only]
                    ? RedirectToPage("/Reports/Details", new { id = only })
                    : RedirectToPage();
            case WorkbookApplyResult.AlreadyApplied:
                var upload = outcome.Preview!.Upload;
                ModelState.AddModelError(string.Empty,
                    $"{upload.FileName} was already applied on {organizationTime.Text(upload.AppliedAt!.Value)} ({upload.ChangedCount} recommendation(s) changed); it is applied once. Nothing more was changed.");
                UploadId = null;
                return Page();
            case WorkbookApplyResult.Busy:
                ModelState.AddModelError(string.Empty, "Nothing was applied: others saved the same recommendations at the same moment, twice. Apply again.");
                return Page();
            default:
                ModelState.AddModelError(string.Empty, "You have no uploaded workbook waiting with that number; upload it again. Nothing was changed.");
                UploadId = null;
                return Page();
        }
    }

    private static string NotApplied(WorkbookPreview preview)
    {
        var conflicts = preview.Of(WorkbookRowKind.Conflict).Select(r => r.Subject).ToList();
        var refused = preview.Count(WorkbookRowKind.Refused);
        var parts = new List<string>();
        if (conflicts.Count > 0)
        {
            parts.Add($"not applied because they changed in the app since the download: {string.Join(", ", conflicts)}");
        }

        if (refused > 0)
        {
            parts.Add($"{refused} row(s) refused, as the preview showed");
        }

        return parts.Count == 0 ? "" : "; " + string.Join("; ", parts);
    }
}
