using JiuTracker.Web.Domain;

namespace JiuTracker.Web.Data;

public static class RecommendationQueries
{
    /// <summary>Under follow-up: withdrawn recommendations are left out of matrices, lists and figures.</summary>
    public static IQueryable<Recommendation> InForce(this IQueryable<Recommendation> recommendations) =>
        recommendations.Where(r => r.WithdrawnAt == null);
}
