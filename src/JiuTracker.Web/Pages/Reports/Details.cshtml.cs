using System.ComponentModel.DataAnnotations;
using JiuTracker.Web.Caching;
using JiuTracker.Web.Dashboard;
using JiuTracker.Web.Data;
using JiuTracker.Web.Domain;
using JiuTracker.Web.Export;
using JiuTracker.Web.Pages.ReadModels;
using JiuTracker.Web.Security;
using JiuTracker.Web.Settings;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace JiuTracker.Web.Pages.Reports;

/// <summary>A report's status matrix, as in the document's Table 2, with addressee, deadline and data-quality warnings.</summary>
public class DetailsModel(
    JiuDbContext db, KeptReads reads, IAuthorizationService authorization, IOptions<OrganizationOptions> organization, ExportSource snapshots, TimeProvider time) : PageModel
{
    /// <summary>Show the statuses and comments as they stood at the end of this day, rebuilt from the history.</summary>
    [BindProperty(SupportsGet = true)]
    [Display(Name = AsOfRange.Label)]
    public DateOnly? AsOf { get; set; }

    /// <summary>"No status recorded before …" when the as-of day is before the report's first history entry.</summary>
    public string? NothingRecorded { get; private set; }

    public ReportView Report { get; private set; } = null!;

    public IReadOnlyList<RecommendationRow> Recommendations { get; private set; } = [];

    /// <summary>Today's recommendations: read again (and rendered again) once the data has changed; null "as of" a date.</summary>
    public KeptReads.KeptRead<IReadOnlyList<RecommendationRow>>? Matrix { get; private set; }

    public bool CanEdit { get; private set; }

    public string OrganizationName => organization.Value.ShortName;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var found = await reads.GetOrReadAsync($"report|{id}", () => ReadReportAsync(id, ct), _ => 1, ct);
        if (found.Value.Report is not { } report)
        {
            return NotFound();
        }

        Report = report;
        // A value in the address that is not a day at all is refused as a day outside the range is.
        if (AsOf is not null || !ModelState.IsValid)
        {
            await LoadAsOfAsync(Report.Symbol, ct);
            // A day the figures cannot be taken at is refused as bad input, the page saying why.
            if (!ModelState.IsValid)
            {
                Response.StatusCode = StatusCodes.Status400BadRequest;
            }

            return Page();
        }

        Matrix = await reads.GetOrReadAsync($"matrix|{id}", () => ReadRecommendationsAsync(id, ct), rows => rows.Count, ct);
        Recommendations = Matrix.Value;
        CanEdit = (await authorization.AuthorizeAsync(User, new EditedReport(id), Policies.EditReport)).Succeeded;
        return Page();
    }

    private async Task<FoundReport> ReadReportAsync(int id, CancellationToken ct)
    {
        await db.KeepOpenAsync(ct);
        var report = await db.Reports.AsNoTracking()
            .Where(r => r.Id == id)
            .Select(r => new { r.Id, r.Symbol, r.Title, r.Year, r.CebComments, r.CebCommentsReference, r.ReviewHighlightsUrl })
            .SingleOrDefaultAsync(ct);
        if (report is null)
        {
            return new FoundReport(null);
        }

        var focalPoints = await db.Reports.Where(r => r.Id == id).FocalPointsByReportAsync(ct);
        return new FoundReport(new ReportView(
            report.Id, report.Symbol, report.Title, report.Year, report.CebComments, report.CebCommentsReference, report.ReviewHighlightsUrl,
            [.. focalPoints[id]]));
    }

    /// <summary>The report's recommendations in force, with their comments.</summary>
    private async Task<IReadOnlyList<RecommendationRow>> ReadRecommendationsAsync(int id, CancellationToken ct) =>
        await db.Recommendations.AsNoTracking()
            .InForce()
            .Where(r => r.ReportId == id)
            .OrderBy(r => r.Number)
            .Select(r => new RecommendationRow(
                r.Id, r.Number, r.Text, r.Addressee, r.DeadlineYear, r.InformationOnlyNote, r.Acceptance, r.Implementation,
                r.Comments.OrderBy(c => c.CreatedAt).ThenBy(c => c.Id).Select(c => new CommentView(c.Text, c.Author, c.CreatedAt)).ToList(),
                r.Evidence.Count(e => e.Withdrawal == null))
            {
                ClaimedAt = r.ClaimedAt,
            })
            .AsSplitQuery()
            .ToListAsync(ct);

    /// <summary>The matrix as it stood: read-only, the same snapshot the exports use.</summary>
    private async Task LoadAsOfAsync(string symbol, CancellationToken ct)
    {
        var scope = new ExportScope { Report = [symbol], AsOf = AsOf }.ForReader(mayReadWithdrawn: false);
        foreach (var problem in scope.Problems(time))
        {
            ModelState.AddModelError(nameof(AsOf), problem);
        }

        if (!ModelState.IsValid)
        {
            return;
        }

        // A day before anything was recorded for the report says so, rather than showing an empty table.
        NothingRecorded = await snapshots.NothingRecordedAsync(scope, ct);
        if (NothingRecorded is not null)
        {
            return;
        }

        var snapshot = await snapshots.ReportsAsync(scope, ct).SingleAsync(ct);
        Recommendations = [.. snapshot.Recommendations.Select(r => new RecommendationRow(
            r.Id, r.Number, r.Text, r.Addressee, r.DeadlineYear, r.InformationOnlyNote, r.Acceptance, r.Implementation,
            [.. r.Comments.Select(c => new CommentView(c.Text, c.Author, c.CreatedAt))], r.EvidenceFiles)
        {
            Claimed = r.ImplementationClaimed,
        })];
    }

    /// <param name="Report">Null when no report has the id asked for.</param>
    public sealed record FoundReport(ReportView? Report);

    public sealed record ReportView(
        int Id,
        string Symbol,
        string Title,
        int Year,
        CebCommentsStatus CebComments,
        string? CebCommentsReference,
        string? ReviewHighlightsUrl,
        IReadOnlyList<FocalPointName> FocalPoints);

    public sealed record RecommendationRow(
        int Id,
        int Number,
        string Text,
        Addressee Addressee,
        int? DeadlineYear,
        string? InformationOnlyNote,
        Acceptance? Acceptance,
        ImplementationStatus? Implementation,
        IReadOnlyList<CommentView> Comments,
        int? EvidenceCount = null)
    {
        public IReadOnlyList<string> Warnings => DataQuality.WarningsFor(Acceptance, Implementation);

        /// <summary>When implementation was claimed and awaits validation; null as of a past day (the claim is then told by <see cref="Claimed"/>).</summary>
        public DateTimeOffset? ClaimedAt { get; init; }

        /// <summary>Implementation claimed, awaiting a coordinator's validation (decision 032).</summary>
        public bool Claimed { get; init; }

        public bool IsClaimed => Claimed || ClaimedAt is not null;
    }
}
