using System.Runtime.CompilerServices;
using JiuTracker.Web.Data;
using JiuTracker.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace JiuTracker.Web.Export;

/// <summary>
/// The reports, recommendations and history an export writes, as they stood at the scope's moment. Reports are read
/// a batch at a time, so an export's memory does not grow with the whole database.
/// </summary>
public sealed class ExportSource(JiuDbContext db)
{
    private const int ReportsPerBatch = 100;

    public async IAsyncEnumerable<ReportSnapshot> ReportsAsync(ExportScope scope, [EnumeratorCancellation] CancellationToken ct)
    {
        var reportIds = await ReportsInScope(scope)
            .OrderByDescending(r => r.Year).ThenByDescending(r => r.Number).ThenBy(r => r.Symbol)
            .Select(r => r.Id)
            .ToListAsync(ct);
        foreach (var batch in reportIds.Chunk(ReportsPerBatch))
        {
            foreach (var report in await LoadBatchAsync(batch, scope, ct))
            {
                yield return report;
            }
        }
    }

    /// <summary>The reports in scope without their recommendations, for a document's list of reports (its Table 1).</summary>
    public Task<List<ReportHeading>> ReportListAsync(ExportScope scope, CancellationToken ct) =>
        ReportsInScope(scope)
            .OrderByDescending(r => r.Year).ThenByDescending(r => r.Number).ThenBy(r => r.Symbol)
            .Select(r => new ReportHeading(r.Symbol, r.Title, r.Year,
                r.FocalPoints.OrderBy(f => f.Name).Select(f => new FocalPointSnapshot(f.Title, f.Name, f.Unit)).ToList()))
            .ToListAsync(ct);

    public IAsyncEnumerable<HistoryRow> HistoryAsync(ExportScope scope)
    {
        var reports = ReportsInScope(scope);
        var history = db.History.AsNoTracking().Where(h => reports.Any(r => r.Id == h.Recommendation.ReportId));
        if (scope.Cutoff is { } cutoff)
        {
            history = history.Where(h => h.ChangedAt < cutoff);
        }

        if (!scope.IncludeWithdrawn)
        {
            history = history.Where(h => h.Recommendation.WithdrawnAt == null || (scope.Cutoff != null && h.Recommendation.WithdrawnAt >= scope.Cutoff));
        }

        return history
            .OrderBy(h => h.ChangedAt).ThenBy(h => h.Id)
            .Select(h => new HistoryRow(h.ChangedAt, h.ChangedBy, h.Recommendation.Report.Symbol, h.Recommendation.Number, h.Field, h.OldValue, h.NewValue))
            .AsAsyncEnumerable();
    }

    private IQueryable<Report> ReportsInScope(ExportScope scope)
    {
        var reports = db.Reports.AsNoTracking();
        if (scope.From is { } from)
        {
            reports = reports.Where(r => r.Year >= from);
        }

        if (scope.To is { } to)
        {
            reports = reports.Where(r => r.Year <= to);
        }

        if (scope.Symbols.Count > 0)
        {
            var symbols = scope.Symbols;
            reports = reports.Where(r => symbols.Contains(r.Symbol));
        }

        return reports;
    }

    private async Task<List<ReportSnapshot>> LoadBatchAsync(int[] reportIds, ExportScope scope, CancellationToken ct)
    {
        var reports = await db.Reports.AsNoTracking()
            .Where(r => reportIds.Contains(r.Id))
            .Select(r => new
            {
                r.Id, r.Symbol, r.Title, r.Year, r.CebComments, r.CebCommentsReference,
                FocalPoints = r.FocalPoints.OrderBy(f => f.Name).Select(f => new FocalPointSnapshot(f.Title, f.Name, f.Unit)).ToList(),
            })
            .ToDictionaryAsync(r => r.Id, ct);

        var cutoff = scope.Cutoff;
        var recommendations = await db.Recommendations.AsNoTracking()
            .Where(r => reportIds.Contains(r.ReportId))
            .Where(r => cutoff == null || r.RegisteredAt == null || r.RegisteredAt < cutoff)
            .Where(r => scope.IncludeWithdrawn || r.WithdrawnAt == null || (cutoff != null && r.WithdrawnAt >= cutoff))
            .OrderBy(r => r.Number)
            .Select(r => new
            {
                r.Id, r.ReportId, r.Number, r.Text, r.Addressee, r.DeadlineYear, r.InformationOnlyNote, r.Acceptance, r.Implementation,
                r.WithdrawnAt, r.WithdrawalReason,
                Comments = r.Comments.Where(c => cutoff == null || c.CreatedAt < cutoff)
                    .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
                    .Select(c => new CommentSnapshot(c.Text, c.Author, c.CreatedAt)).ToList(),
                // The first change of each status after the cutoff holds, as its old value, the status at the cutoff.
                LaterChanges = r.History.Where(h => cutoff != null && h.ChangedAt >= cutoff && (h.Field == HistoryField.Acceptance || h.Field == HistoryField.Implementation))
                    .OrderBy(h => h.ChangedAt).ThenBy(h => h.Id)
                    .Select(h => new { h.Field, h.OldValue }).ToList(),
            })
            .AsSplitQuery()
            .ToListAsync(ct);

        var byReport = recommendations.ToLookup(r => r.ReportId, r =>
        {
            var acceptance = r.LaterChanges.FirstOrDefault(c => c.Field == HistoryField.Acceptance) is { } a ? StatusVocabulary.AcceptanceFromCode(a.OldValue) : r.Acceptance;
            var implementation = r.LaterChanges.FirstOrDefault(c => c.Field == HistoryField.Implementation) is { } i ? StatusVocabulary.ImplementationFromCode(i.OldValue) : r.Implementation;
            var withdrawn = r.WithdrawnAt is { } at && (cutoff is null || at < cutoff);
            return new RecommendationSnapshot(
                r.Number, r.Text, r.Addressee, r.DeadlineYear, r.InformationOnlyNote, acceptance, implementation, r.Comments,
                withdrawn ? r.WithdrawnAt : null, withdrawn ? r.WithdrawalReason : null)
            {
                Id = r.Id,
            };
        });

        return [.. reportIds.Select(id => reports[id]).Select(r => new ReportSnapshot(
            r.Symbol, r.Title, r.Year, r.CebComments, r.CebCommentsReference, r.FocalPoints, [.. byReport[r.Id]]))];
    }
}
