using System.Linq.Expressions;
using JiuTracker.Web.Dashboard;
using JiuTracker.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace JiuTracker.Web.FollowUp;

/// <summary>
/// Records what a round found when it opened: every recommendation in force of its reports with its statuses, and
/// which of them it asks about. Two statements inside the opening's transaction, however many recommendations (a
/// row at a time through the change tracker took 37 s at 110,000, docs/benchmarks.md); the opening's own save in the
/// same transaction raises the data version.
/// </summary>
public static class RoundScope
{
    /// <returns>How many recommendations the round asks about.</returns>
    public static async Task<int> RecordAsync(JiuDbContext db, Domain.FollowUpRound round, Expression<Func<RecommendationFacts, bool>> asks, CancellationToken ct)
    {
        // In force as RecommendationQueries.IsInForce says: not withdrawn.
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO "RoundRecommendations" ("RoundId", "RecommendationId", "ReportId", "Asked", "AcceptanceAtOpening", "ImplementationAtOpening")
            SELECT {round.Id}, r."Id", r."ReportId", FALSE, r."Acceptance", r."Implementation"
            FROM "Recommendations" AS r
            JOIN "FollowUpRoundReports" AS s ON s."ReportsId" = r."ReportId" AND s."FollowUpRoundId" = {round.Id}
            WHERE r."WithdrawnAt" IS NULL
            """, ct);
        var open = RecommendationFacts.Query(db).Where(asks).Select(f => f.Id);
        return await db.RoundRecommendations
            .Where(r => r.RoundId == round.Id && open.Contains(r.RecommendationId))
            .ExecuteUpdateAsync(set => set.SetProperty(r => r.Asked, true), ct);
    }
}
