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
}

public sealed record ClosedRound(int Id, string Name, DateTimeOffset ClosedAt, RoundFigures.Figures Figures);
