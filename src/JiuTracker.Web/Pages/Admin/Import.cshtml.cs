using System.ComponentModel.DataAnnotations;
using System.Globalization;
using JiuTracker.Web.Data;
using JiuTracker.Web.Domain;
using JiuTracker.Web.Import;
using JiuTracker.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace JiuTracker.Web.Pages.Admin;

/// <summary>
/// Upload a legacy "Action required" document (the reader of the <c>import</c> command): a preview of what it will
/// create, or every error with its line; "Import" reads the same text again and stores it in one transaction.
/// </summary>
[RequestSizeLimit(ImportOptions.LargestUploadRequestBytes)]
[RequestFormLimits(ValueLengthLimit = ImportOptions.LargestFileBytes, MultipartBodyLengthLimit = ImportOptions.LargestUploadRequestBytes)]
public class ImportModel(JiuDbContext db, LegacyDocumentImporter importer, IOptions<ImportOptions> options, TimeProvider time) : PageModel
{
    /// <summary>The document's text, carried from the preview to the import so the same text is imported.</summary>
    [BindProperty]
    public string? DocumentText { get; set; }

    [BindProperty]
    public string? FileName { get; set; }

    /// <summary>The day the document's statuses are as of: prefilled on the preview with the date it states (decision 034).</summary>
    [BindProperty]
    [Display(Name = LegacyDocumentImporter.AsOfLabel)]
    public DateOnly? AsOf { get; set; }

    /// <summary>The date the document states and where, for the field's hint; null when it states none.</summary>
    public LegacyDocument? Document { get; private set; }

    public IReadOnlyList<LegacyDocumentError> Errors { get; private set; } = [];

    public IReadOnlyList<LegacyReport> NewReports { get; private set; } = [];

    public IReadOnlyList<string> AlreadyRegistered { get; private set; } = [];

    public IReadOnlyList<string> NewFocalPoints { get; private set; } = [];

    /// <summary>A problem with the as-of day keeps the import form, with the message on its field.</summary>
    /// <summary>Up to this many new reports, the preview shows every report's statuses and comments unfolded.</summary>
    public const int ReportsShownOpen = 10;

    public bool CanImport => DocumentText is not null && Errors.Count == 0 && NewReports.Count > 0
        && ModelState.Where(e => e.Key != nameof(AsOf)).All(e => e.Value?.ValidationState != ModelValidationState.Invalid);

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostPreviewAsync(IFormFile? document, CancellationToken ct)
    {
        if (document is null || document.Length == 0)
        {
            ModelState.AddModelError("document", "Choose the document to upload: the \"Action required\" document saved from Word as plain text.");
            return Page();
        }

        FileName = Path.GetFileName(document.FileName);
        DocumentFileText file;
        await using (var stream = document.OpenReadStream())
        {
            file = await DocumentFile.ReadAsync(stream, FileName, options.Value.MaxFileBytes, ct);
        }

        if (!file.Succeeded)
        {
            ModelState.AddModelError("document", $"{file.Refusal} Nothing was imported.");
            FileName = null;
            return Page();
        }

        DocumentText = file.Text;
        AsOf = (await PreviewAsync(ct))?.StatedDate;
        return Page();
    }

    public async Task<IActionResult> OnPostImportAsync(CancellationToken ct)
    {
        if (string.IsNullOrEmpty(DocumentText) || string.IsNullOrWhiteSpace(FileName))
        {
            ModelState.AddModelError("document", "The form lost its document; upload it again.");
            DocumentText = null;
            return Page();
        }

        var document = await PreviewAsync(ct);
        if (document is null || NewReports.Count == 0)
        {
            if (document is not null)
            {
                ModelState.AddModelError(string.Empty, "Nothing to import: every report of the document is already registered.");
            }

            return Page();
        }

        if (ModelState.GetFieldValidationState(nameof(AsOf)) == ModelValidationState.Invalid)
        {
            return Page();
        }

        if (AsOf is not { } asOf)
        {
            ModelState.AddModelError(nameof(AsOf), document.StatedDate is { } stated
                ? $"{LegacyDocumentImporter.AsOfLabel}: give the day its statuses are as of (YYYY-MM-DD; the document states {stated.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}). Nothing was imported."
                : $"{LegacyDocumentImporter.AsOfLabel}: the document states no date its statuses are as of; give the day (YYYY-MM-DD). Nothing was imported.");
            return Page();
        }

        if (LegacyDocumentImporter.AsOfProblem(asOf, time) is { } problem)
        {
            ModelState.AddModelError(nameof(AsOf), $"{problem} Nothing was imported.");
            return Page();
        }

        var outcome = await importer.ImportAsync(document, asOf, FileName, User.Identity!.Name!, ct);

        TempData["Status"] = $"Imported {outcome.Created.Count} report(s) and {outcome.RecommendationsCreated} recommendation(s) from {FileName}; " +
            $"{outcome.FocalPointsCreated} new focal point(s); statuses as of {asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.";
        return RedirectToPage("/Admin/Reports/Index");
    }

    /// <returns>The document when it reads without errors; what it would create is set on the page either way.</returns>
    private async Task<LegacyDocument?> PreviewAsync(CancellationToken ct)
    {
        var read = LegacyDocumentReader.Read(DocumentText ?? "");
        Errors = read.Errors;
        if (!read.Succeeded)
        {
            return null;
        }

        var document = read.Document!;
        Document = document;
        (NewReports, AlreadyRegistered) = await LegacyDocumentImporter.SplitByRegistrationAsync(db, document, ct);
        NewFocalPoints = await LegacyDocumentImporter.NewFocalPointsAsync(db, NewReports, ct);
        return document;
    }
}
