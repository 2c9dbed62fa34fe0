using System.Linq.Expressions;
using JiuTracker.Web.Domain;

namespace JiuTracker.Web.Data;

public static class RecommendationQueries
{
    /// <summary>Not withdrawn, as a predicate a query's projection can use too (<c>r.Recommendations.AsQueryable().Where(IsInForce)</c>).</summary>
    public static readonly Expression<Func<Recommendation, bool>> IsInForce = r => r.WithdrawnAt == null;

    /// <summary>Under follow-up: withdrawn recommendations are left out of matrices, lists and figures.</summary>
    public static IQueryable<Recommendation> InForce(this IQueryable<Recommendation> recommendations) =>
        recommendations.Where(IsInForce);
}
