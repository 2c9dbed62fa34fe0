using JiuTracker.Web.Dashboard;
using JiuTracker.Web.Data;
using JiuTracker.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace JiuTracker.Web.Trends;

/// <summary>
/// For the reports issued in each year, how long their recommendations took to be accepted and to be implemented,
/// from the history. The register knows a report's year, not the day it was issued, so times run from the start of
/// the report's year to the entry that recorded the current status (Accepted; Implemented, validated).
/// </summary>
public sealed class Cohorts(JiuDbContext db, FilteredRecommendations filtered)
{
    public const string TimesDefinition =
        "Times run from 1 January of the report's year (the register records the year of a report, not the day it was issued, so a time can be up to a year longer than from the issue) " +
        "to the history entry that recorded the current status: Accepted for the accepted recommendations, Implemented for the accepted and implemented ones (validated closures). " +
        "Statuses imported from a legacy document count from the day the document states. A recommendation whose status has no history entry is left out of the times, and the count says how many were measured. " +
        "Median and 90th percentile by the nearest-rank method, in months of 30.44 days.";

    public async Task<IReadOnlyDictionary<int, CohortTimes>> TimesAsync(RecommendationFilter filter, string? userId, CancellationToken ct)
    {
        var accepted = filtered.Query(filter, Figure.Accepted, userId);
        var acceptedYears = await accepted.Select(f => new { f.Id, f.ReportYear }).ToDictionaryAsync(f => f.Id, f => f.ReportYear, ct);
        var implemented = (await filtered.Query(filter, Figure.AcceptedImplemented, userId).Select(f => f.Id).ToListAsync(ct)).ToHashSet();
        var acceptedCode = Acceptance.Accepted.Code();
        var implementedCode = ImplementationStatus.Implemented.Code();
        var entries = await db.History.AsNoTracking()
            .Where(h => accepted.Any(f => f.Id == h.RecommendationId))
            .Where(h => (h.Field == HistoryField.Acceptance && h.NewValue == acceptedCode) || (h.Field == HistoryField.Implementation && h.NewValue == implementedCode))
            .Select(h => new { h.RecommendationId, h.Field, h.ChangedAt })
            .ToListAsync(ct);

        // The latest entry of each kind: the one the current status was recorded by.
        var latest = entries.GroupBy(e => (e.RecommendationId, e.Field)).ToDictionary(g => g.Key, g => g.Max(e => e.ChangedAt));
        return acceptedYears.GroupBy(r => r.Value, r => r.Key).ToDictionary(
            year => year.Key,
            year => new CohortTimes(
                DurationSummary.Of(Months(year.Key, year, HistoryField.Acceptance)),
                DurationSummary.Of(Months(year.Key, year.Where(implemented.Contains), HistoryField.Implementation)),
                year.Count(),
                year.Count(implemented.Contains)));

        IEnumerable<double> Months(int reportYear, IEnumerable<int> ids, HistoryField field)
        {
            var start = new DateTimeOffset(reportYear, 1, 1, 0, 0, 0, TimeSpan.Zero);
            return ids.Where(id => latest.ContainsKey((id, field))).Select(id => (latest[(id, field)] - start).TotalDays / DurationSummary.DaysPerMonth);
        }
    }
}

/// <param name="Accepted">Accepted recommendations of the year's reports (whose acceptance times were looked for).</param>
/// <param name="Implemented">Accepted and implemented ones.</param>
public sealed record CohortTimes(DurationSummary ToAcceptance, DurationSummary ToImplementation, int Accepted, int Implemented);

/// <summary>How many times were measured, and their median and 90th percentile in months (nearest rank); null when none.</summary>
public sealed record DurationSummary(int Measured, double? MedianMonths, double? Percentile90Months)
{
    public const double DaysPerMonth = 30.44;

    public static DurationSummary Of(IEnumerable<double> months)
    {
        var sorted = months.Order().ToArray();
        return sorted.Length == 0 ? new(0, null, null) : new(sorted.Length, NearestRank(sorted, 50), NearestRank(sorted, 90));
    }

    /// <summary>The smallest value at least <paramref name="percent"/> % of the values are at or below.</summary>
    public static double NearestRank(IReadOnlyList<double> sorted, int percent) =>
        sorted[Math.Max(0, (int)Math.Ceiling(percent / 100.0 * sorted.Count) - 1)];
}
