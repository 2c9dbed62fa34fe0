using System.Globalization;
using System.Runtime.CompilerServices;
using JiuTracker.Web.Data;
using JiuTracker.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace JiuTracker.Web.Export;

/// <summary>
/// The reports, recommendations and history an export writes, as they stood at the scope's moment. The reports in
/// scope and their focal points are read once; recommendations, comments and status changes are then read a batch
/// of reports at a time with flat queries (no split queries, which sort the whole result again for each collection),
/// so an export's memory holds one batch, not the database, and its number of queries grows only with batches.
/// </summary>
public sealed class ExportSource(JiuDbContext db)
{
    private const int ReportsPerBatch = 1000;

    public async IAsyncEnumerable<ReportSnapshot> ReportsAsync(ExportScope scope, [EnumeratorCancellation] CancellationToken ct)
    {
        var reports = await ReportsInScope(scope)
            .InListOrder()
            .Select(r => new ReportRow(r.Id, r.Symbol, r.Title, r.Year, r.CebComments, r.CebCommentsReference))
            .ToListAsync(ct);
        var focalPoints = await FocalPointsAsync(scope, ct);
        foreach (var batch in reports.Chunk(ReportsPerBatch))
        {
            foreach (var report in await LoadBatchAsync(batch, focalPoints, scope, ct))
            {
                yield return report;
            }
        }
    }

    /// <summary>
    /// The reports in scope without their recommendations, for a document's list of reports (its Table 1) and the
    /// links its body refers to.
    /// </summary>
    public async Task<List<ReportHeading>> ReportListAsync(ExportScope scope, CancellationToken ct)
    {
        var reports = await ReportsInScope(scope)
            .InListOrder()
            .Select(r => new { r.Id, r.Symbol, r.Title, r.Year, r.ReviewHighlightsUrl })
            .ToListAsync(ct);
        var focalPoints = await FocalPointsAsync(scope, ct);
        return [.. reports.Select(r => new ReportHeading(r.Symbol, r.Title, r.Year, [.. focalPoints[r.Id]], r.ReviewHighlightsUrl))];
    }

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
            .Select(h => new HistoryRow(h.ChangedAt, h.ChangedBy, h.Recommendation.Report.Symbol, h.Recommendation.Number, h.Field, h.OldValue, h.NewValue, h.Source))
            .AsAsyncEnumerable();
    }

    /// <summary>
    /// "No report JIU/REP/2099/1.", for each well-formed symbol no report has, so that a mistyped symbol is refused
    /// rather than exported as an empty file; malformed symbols are the scope's own problems.
    /// </summary>
    public async Task<IReadOnlyList<string>> UnknownReportsAsync(IEnumerable<string?> symbols, CancellationToken ct)
    {
        List<string> named = [.. symbols.Select(s => ReportSymbol.TryParse(s, out var symbol) ? symbol.ToString() : null).OfType<string>().Distinct()];
        if (named.Count == 0)
        {
            return [];
        }

        var known = await db.Reports.Where(r => named.Contains(r.Symbol)).Select(r => r.Symbol).ToListAsync(ct);
        return [.. named.Except(known).Select(s => $"No report {s}.")];
    }

    /// <summary>
    /// The earliest moment anything is recorded for the reports in scope: their first history entry or the first
    /// registration of one of their recommendations; null when nothing is. An as-of view before it has nothing to show.
    /// </summary>
    public async Task<DateTimeOffset?> EarliestRecordedAsync(ExportScope scope, CancellationToken ct)
    {
        var reports = ReportsInScope(scope);
        var entries = db.History.AsNoTracking()
            .Where(h => reports.Any(r => r.Id == h.Recommendation.ReportId))
            .Select(h => h.ChangedAt);
        var registrations = db.Recommendations.AsNoTracking()
            .Where(r => reports.Any(report => report.Id == r.ReportId) && r.RegisteredAt != null)
            .Select(r => r.RegisteredAt!.Value);
        // One query: the first of both, so that an as-of page costs one command more, not two.
        var first = await entries.Concat(registrations).OrderBy(at => at).Take(1).ToListAsync(ct);
        return first.Count == 0 ? null : first[0];
    }

    /// <summary>
    /// "No status recorded before 2021-12-31 for these reports: …" when the scope is as of a day before anything was
    /// recorded for its reports, so that a view of that day says so rather than showing empty tables; otherwise null.
    /// </summary>
    public async Task<string?> NothingRecordedAsync(ExportScope scope, CancellationToken ct)
    {
        if (scope.Cutoff is not { } cutoff || await EarliestRecordedAsync(scope, ct) is not { } earliest || earliest < cutoff)
        {
            return null;
        }

        return string.Create(CultureInfo.InvariantCulture,
            $"No status recorded before {cutoff.UtcDateTime:yyyy-MM-dd} for these reports: the earliest entry in their history is dated {earliest.UtcDateTime:yyyy-MM-dd}.");
    }

    /// <summary>The reports the scope's years and symbols select, untracked.</summary>
    public IQueryable<Report> ReportsInScope(ExportScope scope)
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

    /// <summary>The focal points of every report in scope, by report, in name order.</summary>
    private Task<ILookup<int, FocalPointName>> FocalPointsAsync(ExportScope scope, CancellationToken ct) =>
        ReportsInScope(scope).FocalPointsByReportAsync(ct);

    private async Task<List<ReportSnapshot>> LoadBatchAsync(ReportRow[] batch, ILookup<int, FocalPointName> focalPoints, ExportScope scope, CancellationToken ct)
    {
        var reportIds = batch.Select(r => r.Id).ToArray();
        var cutoff = scope.Cutoff;
        var recommendations = db.Recommendations.AsNoTracking()
            .Where(r => reportIds.Contains(r.ReportId))
            .Where(r => cutoff == null || r.RegisteredAt == null || r.RegisteredAt < cutoff)
            .Where(r => scope.IncludeWithdrawn || r.WithdrawnAt == null || (cutoff != null && r.WithdrawnAt >= cutoff));
        var rows = await recommendations
            .OrderBy(r => r.ReportId).ThenBy(r => r.Number)
            .Select(r => new
            {
                r.Id, r.ReportId, r.Number, r.Text, r.Addressee, r.DeadlineYear, r.InformationOnlyNote, r.Acceptance, r.Implementation,
                r.WithdrawnAt, r.WithdrawalReason, Claimed = r.ClaimedAt != null,
            })
            .ToListAsync(ct);

        var comments = (await db.Comments.AsNoTracking()
            .Where(c => recommendations.Any(r => r.Id == c.RecommendationId))
            .Where(c => cutoff == null || c.CreatedAt < cutoff)
            .OrderBy(c => c.RecommendationId).ThenBy(c => c.CreatedAt).ThenBy(c => c.Id)
            .Select(c => new { c.RecommendationId, Comment = new CommentSnapshot(c.Text, c.Author, c.CreatedAt) })
            .ToListAsync(ct))
            .ToLookup(c => c.RecommendationId, c => c.Comment);

        // The status changes since the cutoff, from which the statuses at the cutoff are rebuilt (StatusesAsOf).
        var changesSinceCutoff = cutoff is not { } since ? null
            : await db.History.Where(h => recommendations.Any(r => r.Id == h.RecommendationId)).StatusChangesSinceAsync(since, ct);

        // Files attached before the cutoff and not withdrawn before it.
        var evidence = await db.Evidence.AsNoTracking()
            .Where(e => recommendations.Any(r => r.Id == e.RecommendationId))
            .Where(e => cutoff == null || e.UploadedAt < cutoff)
            .Where(e => e.Withdrawal == null || (cutoff != null && e.Withdrawal.WithdrawnAt >= cutoff))
            .GroupBy(e => e.RecommendationId)
            .Select(g => new { RecommendationId = g.Key, Files = g.Count() })
            .ToDictionaryAsync(g => g.RecommendationId, g => g.Files, ct);

        var byReport = rows.ToLookup(r => r.ReportId, r =>
        {
            var today = new StatusesAsOf(r.Acceptance, r.Implementation, r.Claimed);
            var (acceptance, implementation, claimed) = changesSinceCutoff is null ? today : StatusesAsOf.Rebuild(today, changesSinceCutoff[r.Id]);
            var withdrawn = r.WithdrawnAt is { } at && (cutoff is null || at < cutoff);
            return new RecommendationSnapshot(
                r.Number, r.Text, r.Addressee, r.DeadlineYear, r.InformationOnlyNote, acceptance, implementation, [.. comments[r.Id]],
                withdrawn ? r.WithdrawnAt : null, withdrawn ? r.WithdrawalReason : null)
            {
                Id = r.Id,
                ImplementationClaimed = claimed,
                EvidenceFiles = evidence.GetValueOrDefault(r.Id),
            };
        });

        return [.. batch.Select(r => new ReportSnapshot(
            r.Symbol, r.Title, r.Year, r.CebComments, r.CebCommentsReference, [.. focalPoints[r.Id]], [.. byReport[r.Id]]))];
    }

    private sealed record ReportRow(int Id, string Symbol, string Title, int Year, CebCommentsStatus CebComments, string? CebCommentsReference);
}
