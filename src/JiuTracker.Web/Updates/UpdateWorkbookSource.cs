using System.Globalization;
using System.Runtime.CompilerServices;
using JiuTracker.Web.Data;
using JiuTracker.Web.Domain;
using JiuTracker.Web.Export;
using JiuTracker.Web.Security;
using JiuTracker.Web.Updates.Workbook;
using Microsoft.EntityFrameworkCore;

namespace JiuTracker.Web.Updates;

/// <summary>
/// The rows of an update workbook: every recommendation in force of the reports in scope that the user may edit, in
/// the reports' list order, with its comments, read a thousand recommendations at a time.
/// </summary>
public sealed class UpdateWorkbookSource(JiuDbContext db, ExportSource exports)
{
    private const int RecommendationsPerBatch = 1000;

    public async IAsyncEnumerable<UpdateWorkbookRow> RowsAsync(ExportScope scope, EditableReports.Editable editable, [EnumeratorCancellation] CancellationToken ct)
    {
        var reports = exports.ReportsInScope(scope);
        var recommendations = db.Recommendations.AsNoTracking().InForce().Where(r => reports.Any(p => p.Id == r.ReportId));
        if (editable.Reports is { } own)
        {
            var ids = own.ToList();
            recommendations = recommendations.Where(r => ids.Contains(r.ReportId));
        }

        var ordered = await recommendations.InReportListOrder()
            .Select(r => new
            {
                r.Id, r.Version, r.Report.Symbol, r.Number, r.Text, r.Addressee, r.DeadlineYear, r.Acceptance,
                // As stated (Recommendation.StatedImplementation): a claim awaiting validation reads as Implemented.
                Implementation = r.ClaimedAt != null ? ImplementationStatus.Implemented : r.Implementation,
                r.LastChangedAt, InformationOnly = r.InformationOnlyNote != null,
            })
            .ToListAsync(ct);
        foreach (var batch in ordered.Chunk(RecommendationsPerBatch))
        {
            var batchIds = batch.Select(r => r.Id).ToList();
            var comments = (await db.Comments.AsNoTracking()
                    .Where(c => batchIds.Contains(c.RecommendationId))
                    .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
                    .Select(c => new { c.RecommendationId, c.Text, c.Author, c.CreatedAt })
                    .ToListAsync(ct))
                .ToLookup(c => c.RecommendationId);
            foreach (var r in batch)
            {
                var written = string.Join("\n\n", comments[r.Id].Select(c =>
                    $"{c.CreatedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}, {c.Author}: {c.Text}"));
                yield return new UpdateWorkbookRow(r.Id, r.Version, r.Symbol, r.Number, r.Text, r.Addressee, r.DeadlineYear,
                    r.Acceptance, r.Implementation, written, r.LastChangedAt, r.InformationOnly);
            }
        }
    }
}
