using JiuTracker.Web.Caching;
using JiuTracker.Web.Dashboard;
using JiuTracker.Web.Data;
using JiuTracker.Web.FollowUp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace JiuTracker.Web.Trends;

/// <summary>What the "Over time" page shows for one filter, each part kept until the data changes (decision 018).</summary>
public sealed class TrendsData(
    JiuDbContext db, FilteredRecommendations filtered, StatusTrend trend, Cohorts cohorts, RoundFigures roundFigures,
    FigureDefinitions definitions, KeptReads reads, IOptions<DashboardOptions> options)
{
    /// <summary>How many closed rounds the page sets side by side, the latest ones.</summary>
    public const int RoundsShown = 6;

    public async Task<KeptReads.KeptRead<IReadOnlyList<TrendPoint>>> TrendAsync(RecommendationFilter filter, TrendPeriod period, string? userId, CancellationToken ct)
    {
        var ends = period.Ends(definitions.Today);
        var key = $"trend|{definitions.Today:yyyy-MM-dd}|{filter.KeyFor(userId)}|{string.Join(",", ends.Select(e => e.Day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)))}";
        return await reads.GetOrReadAsync(key,
            () => trend.CountAsync(filtered.IncludingWithdrawn(filter, userId), ends, options.Value.StaleAfterMonths, ct), points => points.Count, ct);
    }

    public async Task<KeptReads.KeptRead<IReadOnlyDictionary<int, CohortTimes>>> CohortTimesAsync(RecommendationFilter filter, string? userId, CancellationToken ct) =>
        await reads.GetOrReadAsync($"cohorts|{filter.KeyFor(userId)}", () => cohorts.TimesAsync(filter, userId, ct), times => times.Count, ct);

    /// <summary>The latest closed rounds, oldest first, with their figures at closing and the change from the round closed before each.</summary>
    public async Task<KeptReads.KeptRead<IReadOnlyList<ClosedRound>>> ClosedRoundsAsync(CancellationToken ct) =>
        await reads.GetOrReadAsync("closed-rounds", async () =>
        {
            var rounds = await db.FollowUpRounds.AsNoTracking().Where(r => r.ClosedAt != null)
                .OrderByDescending(r => r.ClosedAt).ThenByDescending(r => r.Id).Take(RoundsShown).ToListAsync(ct);
            var closed = new List<ClosedRound>();
            foreach (var round in rounds.AsEnumerable().Reverse())
            {
                closed.Add(new ClosedRound(round.Id, round.Name, round.ClosedAt!.Value, (await roundFigures.ForAsync(round, ct))!));
            }

            return (IReadOnlyList<ClosedRound>)closed;
        }, rounds => rounds.Count, ct);

    /// <summary>Every closed round, latest first, for choosing two to compare.</summary>
    public async Task<KeptReads.KeptRead<IReadOnlyList<(int Id, string Name, DateTimeOffset ClosedAt)>>> RoundChoicesAsync(CancellationToken ct) =>
        await reads.GetOrReadAsync("round-choices", async () => (IReadOnlyList<(int, string, DateTimeOffset)>)(await db.FollowUpRounds.AsNoTracking()
                .Where(r => r.ClosedAt != null).OrderByDescending(r => r.ClosedAt).ThenByDescending(r => r.Id)
                .Select(r => new { r.Id, r.Name, ClosedAt = r.ClosedAt!.Value }).ToListAsync(ct))
                .Select(r => (r.Id, r.Name, r.ClosedAt)).ToList(),
            rounds => rounds.Count, ct);

    /// <summary>Two closed rounds' figures at their closings, the later one's changes counted from the earlier one; none unless the earlier closed first.</summary>
    public async Task<KeptReads.KeptRead<IReadOnlyList<RoundComparison>>> CompareRoundsAsync(int earlierId, int laterId, CancellationToken ct) =>
        await reads.GetOrReadAsync($"round-comparison|{earlierId}|{laterId}", async () =>
        {
            var rounds = await db.FollowUpRounds.AsNoTracking().Where(r => r.Id == earlierId || r.Id == laterId).ToDictionaryAsync(r => r.Id, ct);
            if (!rounds.TryGetValue(earlierId, out var earlier) || !rounds.TryGetValue(laterId, out var later)
                || await roundFigures.BetweenAsync(earlier, later, ct) is not { } changes || await roundFigures.ForAsync(earlier, ct) is not { } before)
            {
                return (IReadOnlyList<RoundComparison>)[];
            }

            return [new RoundComparison(
                new ClosedRound(earlier.Id, earlier.Name, earlier.ClosedAt!.Value, before), new ClosedRound(later.Id, later.Name, later.ClosedAt!.Value, changes))];
        }, comparisons => comparisons.Count, ct);
}

public sealed record ClosedRound(int Id, string Name, DateTimeOffset ClosedAt, RoundFigures.Figures Figures);

/// <param name="Later">Its figures at its closing, its newly accepted and implemented counted from <paramref name="Earlier"/>'s closing.</param>
public sealed record RoundComparison(ClosedRound Earlier, ClosedRound Later);
