using JiuTracker.Web.Data;
using JiuTracker.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace JiuTracker.Web.FollowUp;

/// <summary>
/// A closed round's figures, from the statuses it recorded at its opening and closing (never from today's data, so
/// they do not move afterwards), and the change from the round closed before it.
/// </summary>
public sealed class RoundFigures(JiuDbContext db)
{
    /// <param name="InForce">Recommendations of the round's reports in force when it opened.</param>
    /// <param name="PreviousRound">The round closed before this one, whose closing statuses the changes compare with; null for the first.</param>
    public sealed record Figures(
        int InForce, int Asked, int AcceptedAtClosing, int ImplementedAtClosing, int StillOpen,
        int NewlyAccepted, int NewlyImplemented, string? PreviousRound);

    public const string Definitions =
        "Accepted and implemented count the recommendations of the round's reports at the moment it closed. Still open: " +
        "accepted and not implemented at the closing. Newly accepted and newly implemented: so at the " +
        "closing and not at the closing of the previous round (for a recommendation that round did not cover, not at this round's opening).";

    public async Task<Figures?> ForAsync(FollowUpRound round, CancellationToken ct)
    {
        if (round.ClosedAt is not { } closedAt)
        {
            return null;
        }

        var previous = await db.FollowUpRounds.AsNoTracking()
            .Where(r => r.ClosedAt != null && r.ClosedAt < closedAt && r.Id != round.Id)
            .OrderByDescending(r => r.ClosedAt).FirstOrDefaultAsync(ct);
        return await ComparedAsync(round, previous, ct);
    }

    /// <summary>
    /// <paramref name="later"/>'s figures with its changes counted from <paramref name="earlier"/>'s closing instead of
    /// from the round closed just before it; null unless both are closed, the earlier first.
    /// </summary>
    public async Task<Figures?> BetweenAsync(FollowUpRound earlier, FollowUpRound later, CancellationToken ct) =>
        earlier.ClosedAt is { } first && later.ClosedAt is { } last && first < last ? await ComparedAsync(later, earlier, ct) : null;

    private async Task<Figures> ComparedAsync(FollowUpRound round, FollowUpRound? previous, CancellationToken ct)
    {
        var these = await db.RoundRecommendations.AsNoTracking().Where(r => r.RoundId == round.Id).ToListAsync(ct);
        var before = previous is null
            ? []
            : await db.RoundRecommendations.AsNoTracking().Where(r => r.RoundId == previous.Id)
                .Select(r => new { r.RecommendationId, r.AcceptanceAtClosing, r.ImplementationAtClosing })
                .ToDictionaryAsync(r => r.RecommendationId, r => (r.AcceptanceAtClosing, r.ImplementationAtClosing), ct);

        int newlyAccepted = 0, newlyImplemented = 0;
        foreach (var r in these)
        {
            var (acceptanceBefore, implementationBefore) = before.TryGetValue(r.RecommendationId, out var b) ? b : (r.AcceptanceAtOpening, r.ImplementationAtOpening);
            newlyAccepted += r.AcceptanceAtClosing == Acceptance.Accepted && acceptanceBefore != Acceptance.Accepted ? 1 : 0;
            newlyImplemented += r.ImplementationAtClosing == ImplementationStatus.Implemented && implementationBefore != ImplementationStatus.Implemented ? 1 : 0;
        }

        return new Figures(
            these.Count,
            these.Count(r => r.Asked),
            these.Count(r => r.AcceptanceAtClosing == Acceptance.Accepted),
            these.Count(r => r.ImplementationAtClosing == ImplementationStatus.Implemented),
            these.Count(r => r.AcceptanceAtClosing == Acceptance.Accepted && r.ImplementationAtClosing != ImplementationStatus.Implemented),
            newlyAccepted,
            newlyImplemented,
            previous?.Name);
    }
}
