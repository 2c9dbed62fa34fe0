using System.Linq.Expressions;
using JiuTracker.Web.Domain;
using Microsoft.EntityFrameworkCore.Query;

namespace JiuTracker.Web.Dashboard;

/// <summary>
/// A report's recommendations to one addressee with every figure counted by the database: the grain every dashboard
/// total and breakdown is summed from, so the dashboard reads one row per group instead of one per recommendation.
/// </summary>
public sealed class FigureGroup
{
    public int ReportId { get; init; }

    public Addressee Addressee { get; init; }

    /// <summary>One count per <see cref="Figure"/>, indexed by the figure's value.</summary>
    public int[] Counts { get; init; } = [];

    /// <summary>The oldest latest change among the group's recommendations that was still recent when counted.</summary>
    public DateTimeOffset? FirstRecentChange { get; init; }

    /// <summary>
    /// The recommendations grouped by report and addressee, each figure counted with its definition's predicate
    /// (<c>COUNT(CASE WHEN … END)</c>): the same predicates that select a figure's drill-down rows.
    /// </summary>
    public static IQueryable<FigureGroup> Count(IQueryable<RecommendationFacts> facts, FigureDefinitions definitions)
    {
        var staleBefore = definitions.StaleBefore;
        Expression<Func<IGrouping<GroupKey, RecommendationFacts>, DateTimeOffset?>> firstRecentChange =
            g => g.Min(f => f.LastChangedAt >= staleBefore ? f.LastChangedAt : null);
        Expression<Func<IGrouping<GroupKey, RecommendationFacts>, FigureGroup>> shape = g => new FigureGroup
        {
            ReportId = g.Key.ReportId,
            Addressee = g.Key.Addressee,
            Counts = Array.Empty<int>(),
            FirstRecentChange = null,
        };

        var group = shape.Parameters[0];
        var counts = Expression.NewArrayInit(typeof(int), Enum.GetValues<Figure>().Select(figure => CountOf(group, definitions[figure].Predicate)));
        var body = (MemberInitExpression)shape.Body;
        var selector = Expression.Lambda<Func<IGrouping<GroupKey, RecommendationFacts>, FigureGroup>>(
            body.Update(body.NewExpression, [
                body.Bindings[0],
                body.Bindings[1],
                Expression.Bind(typeof(FigureGroup).GetProperty(nameof(Counts))!, counts),
                Expression.Bind(typeof(FigureGroup).GetProperty(nameof(FirstRecentChange))!,
                    ReplacingExpressionVisitor.Replace(firstRecentChange.Parameters[0], group, firstRecentChange.Body)),
            ]),
            group);

        return facts.GroupBy(f => new GroupKey { ReportId = f.ReportId, Addressee = f.Addressee }).Select(selector);
    }

    /// <summary><c>g.Count(predicate)</c>, built from the definition's expression so the database evaluates it.</summary>
    private static MethodCallExpression CountOf(Expression group, Expression<Func<RecommendationFacts, bool>> predicate) =>
        Expression.Call(typeof(Enumerable), nameof(Enumerable.Count), [typeof(RecommendationFacts)], group, predicate);

    public sealed class GroupKey
    {
        public int ReportId { get; init; }

        public Addressee Addressee { get; init; }
    }
}
