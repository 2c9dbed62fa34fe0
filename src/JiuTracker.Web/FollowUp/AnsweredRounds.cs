using JiuTracker.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace JiuTracker.Web.FollowUp;

/// <summary>
/// Which follow-up round a change to a recommendation answered: the round that asked about it and was open at the
/// moment of the change (decision 030). Derived from the rounds, so the append-only history needs no new column.
/// </summary>
public sealed class AnsweredRounds
{
    private readonly IReadOnlyList<AskingRound> _rounds;

    private AnsweredRounds(IReadOnlyList<AskingRound> rounds) => _rounds = rounds;

    public sealed record AskingRound(int Id, string Name, DateTimeOffset OpenedAt, DateTimeOffset? ClosedAt);

    /// <summary>The rounds that asked about the recommendation, oldest first.</summary>
    public static async Task<AnsweredRounds> ForRecommendationAsync(JiuDbContext db, int recommendationId, CancellationToken ct)
    {
        var asking = db.RoundRecommendations.Where(r => r.RecommendationId == recommendationId && r.Asked).Select(r => r.RoundId);
        var rounds = await db.FollowUpRounds.AsNoTracking()
            .Where(round => asking.Contains(round.Id))
            .OrderBy(round => round.OpenedAt)
            .Select(round => new AskingRound(round.Id, round.Name, round.OpenedAt, round.ClosedAt))
            .ToListAsync(ct);
        return new AnsweredRounds(rounds);
    }

    /// <summary>The round a change made at <paramref name="moment"/> answered; null when none was asking then.</summary>
    public AskingRound? At(DateTimeOffset moment) =>
        _rounds.LastOrDefault(r => moment >= r.OpenedAt && (r.ClosedAt is null || moment < r.ClosedAt));
}
