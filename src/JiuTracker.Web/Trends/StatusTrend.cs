using JiuTracker.Web.Dashboard;
using JiuTracker.Web.Data;
using JiuTracker.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace JiuTracker.Web.Trends;

/// <summary>
/// The figures at the end of each period, rebuilt from the history with the rule of every "as of" view
/// (<see cref="StatusesAsOf"/>) and counted with the dashboard's definitions as they apply on that day. Two queries
/// whatever the number of periods: the recommendations, and their status changes since the first period's end; each
/// recommendation's changes are then walked once through the periods, oldest first.
/// </summary>
public sealed class StatusTrend(JiuDbContext db)
{
    /// <param name="recommendations">The recommendations to count, withdrawn ones included (they count until withdrawn).</param>
    /// <param name="ends">The periods' ends, oldest first.</param>
    public async Task<IReadOnlyList<TrendPoint>> CountAsync(
        IQueryable<RecommendationFacts> recommendations, IReadOnlyList<PeriodEnd> ends, int staleAfterMonths, CancellationToken ct)
    {
        if (ends.Count == 0)
        {
            return [];
        }

        var firstCutoff = ends[0].Cutoff;
        var lastCutoff = ends[^1].Cutoff;
        var counted = recommendations
            .Where(f => f.RegisteredAt == null || f.RegisteredAt < lastCutoff)
            .Where(f => f.WithdrawnAt == null || f.WithdrawnAt >= firstCutoff);
        var facts = await counted.OrderBy(f => f.Id).ToListAsync(ct);
        var changes = await db.History.Where(h => counted.Any(f => f.Id == h.RecommendationId)).StatusChangesSinceAsync(firstCutoff, ct);

        // Recommendations alike in everything a figure can read are counted once, weighted by how many they are.
        var atEachEnd = ends.Select(_ => new Dictionary<CountedAlike, (RecommendationFacts Facts, int Count)>()).ToArray();
        foreach (var recommendation in facts)
        {
            var since = changes[recommendation.Id].ToArray();
            var today = new StatusesAsOf(recommendation.Acceptance, recommendation.Implementation, recommendation.IsImplementationClaimed);
            var first = 0;
            for (var i = 0; i < ends.Count; i++)
            {
                var cutoff = ends[i].Cutoff;
                if (!InForceAt(recommendation, cutoff))
                {
                    continue;
                }

                while (first < since.Length && since[first].At < cutoff)
                {
                    first++;
                }

                var statuses = StatusesAsOf.Rebuild(today, new ArraySegment<RecordedStatusChange>(since, first, since.Length - first));
                var alike = CountedAlike.Of(recommendation, statuses);
                atEachEnd[i][alike] = atEachEnd[i].TryGetValue(alike, out var before) ? (before.Facts, before.Count + 1) : (AsOf(recommendation, statuses), 1);
            }
        }

        return [.. ends.Select((end, i) => new TrendPoint(end, FigureCounts.Of(atEachEnd[i].Values, FigureDefinitions.ForDay(end.Day, staleAfterMonths))))];
    }

    /// <summary>
    /// Every member of <see cref="RecommendationFacts"/> a figure's definition may read, as of the day: all but those that
    /// only name a recommendation (ids, symbol, numbers). A new member a definition reads belongs here too.
    /// </summary>
    private readonly record struct CountedAlike(
        int ReportYear, Addressee Addressee, Acceptance? Acceptance, ImplementationStatus? Implementation, int? DeadlineYear,
        bool IsInformationOnly, bool IsImplementationClaimed)
    {
        public static CountedAlike Of(RecommendationFacts facts, StatusesAsOf statuses) => new(
            facts.ReportYear, facts.Addressee, statuses.Acceptance, statuses.Implementation, facts.DeadlineYear,
            facts.IsInformationOnly, statuses.ImplementationClaimed);
    }

    /// <summary>Registered before the moment (or before registration times were kept) and not withdrawn before it.</summary>
    private static bool InForceAt(RecommendationFacts facts, DateTimeOffset cutoff) =>
        (facts.RegisteredAt is not { } registered || registered < cutoff) && (facts.WithdrawnAt is not { } withdrawn || withdrawn >= cutoff);

    /// <summary>The facts an "as of" export counts with (<c>SnapshotFacts</c>): the rebuilt statuses, no last change.</summary>
    private static RecommendationFacts AsOf(RecommendationFacts today, StatusesAsOf statuses) => new()
    {
        Id = today.Id,
        ReportId = today.ReportId,
        ReportSymbol = today.ReportSymbol,
        ReportYear = today.ReportYear,
        ReportNumber = today.ReportNumber,
        Number = today.Number,
        Addressee = today.Addressee,
        Acceptance = statuses.Acceptance,
        Implementation = statuses.Implementation,
        DeadlineYear = today.DeadlineYear,
        IsInformationOnly = today.IsInformationOnly,
        IsImplementationClaimed = statuses.ImplementationClaimed,
        LastChangedAt = null,
    };
}

/// <summary>The figures at one period's end.</summary>
public sealed record TrendPoint(PeriodEnd End, FigureCounts Counts)
{
    /// <summary>
    /// The points from the first one that counts any recommendation, and the sentence that says which were left out
    /// for having nothing recorded (null when none was): a trend does not start with a row of zeros.
    /// </summary>
    public static (IReadOnlyList<TrendPoint> Points, string? LeftOut) FromFirstRecorded(IReadOnlyList<TrendPoint> points)
    {
        var empty = points.TakeWhile(p => p.Counts[Figure.All] == 0).ToList();
        if (empty.Count == 0)
        {
            return (points, null);
        }

        var rest = points.Skip(empty.Count).ToList();
        var when = empty.Count == 1 ? empty[0].End.Label : $"{empty[0].End.Label} to {empty[^1].End.Label}";
        return (rest, System.FormattableString.Invariant(
            $"No status recorded by the end of {empty[^1].End.Day:yyyy-MM-dd}: {when} counted no recommendation and {(empty.Count == 1 ? "is" : "are")} left out."));
    }
}
