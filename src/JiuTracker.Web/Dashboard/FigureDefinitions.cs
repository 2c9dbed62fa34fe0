using System.Linq.Expressions;
using JiuTracker.Web.Domain;
using Microsoft.EntityFrameworkCore.Query;

namespace JiuTracker.Web.Dashboard;

/// <summary>
/// The single definition of every figure: its name, the sentence shown beside it, and the predicate that both
/// counts it and selects its rows for the drill-down list and the CSV export, so a figure always equals its rows.
/// </summary>
public sealed class FigureDefinitions
{
    private readonly Dictionary<Figure, Definition> _definitions;

    /// <param name="today">Deadlines are years: a deadline year is passed once it has ended.</param>
    /// <param name="staleBefore">A recommendation whose latest change is older than this has "no recent update".</param>
    public FigureDefinitions(DateOnly today, DateTimeOffset staleBefore, int staleAfterMonths)
    {
        var currentYear = today.Year;
        Today = today;
        StaleBefore = staleBefore;
        _definitions = new()
        {
            [Figure.All] = new("Recommendations", "All recommendations in force (withdrawn ones are left out).", f => true),
            [Figure.Accepted] = new("Accepted", "Acceptance recorded as Accepted.", f => f.Acceptance == Acceptance.Accepted),
            [Figure.NotAccepted] = new("Not accepted", "Acceptance recorded as Not accepted.", f => f.Acceptance == Acceptance.NotAccepted),
            [Figure.NotRelevant] = new("Not relevant", "Acceptance recorded as Not relevant.", f => f.Acceptance == Acceptance.NotRelevant),
            [Figure.UnderConsideration] = new("Under consideration", "Acceptance recorded as Under consideration (\"requires further consideration\").", f => f.Acceptance == Acceptance.UnderConsideration),
            [Figure.NoDecision] = new("No decision recorded", "No acceptance recorded, leaving out recommendations for information only.", f => f.Acceptance == null && !f.IsInformationOnly),
            [Figure.InformationOnly] = new("For information only", "Addressed to others (e.g. the Secretary-General); no acceptance is recorded for them.", f => f.IsInformationOnly),
            [Figure.DecisionRecorded] = new("Decision recorded", "Acceptance recorded, leaving out Not relevant: the denominator of the acceptance rate.", f => f.Acceptance != null && f.Acceptance != Acceptance.NotRelevant),
            [Figure.NotStarted] = new("Not started", "Implementation recorded as Not started.", f => f.Implementation == ImplementationStatus.NotStarted),
            [Figure.InProgress] = new("In progress", "Implementation recorded as In progress.", f => f.Implementation == ImplementationStatus.InProgress),
            [Figure.Implemented] = new("Implemented", "Implementation recorded as Implemented, whether or not acceptance is recorded.", f => f.Implementation == ImplementationStatus.Implemented),
            [Figure.ImplementationNotRecorded] = new("Implementation not recorded", "No implementation status recorded.", f => f.Implementation == null),
            [Figure.AcceptedImplemented] = new("Accepted and implemented", "Accepted and recorded as Implemented: the numerator of the implementation rate.", f => f.Acceptance == Acceptance.Accepted && f.Implementation == ImplementationStatus.Implemented),
            [Figure.AcceptedNotStarted] = new("Accepted but not started", "Accepted and recorded as Not started.", f => f.Acceptance == Acceptance.Accepted && f.Implementation == ImplementationStatus.NotStarted),
            [Figure.Overdue] = new("Overdue", $"The deadline year has ended (before {currentYear}) and it is not implemented; leaves out Not accepted, Not relevant and information-only recommendations.",
                f => f.DeadlineYear != null && f.DeadlineYear < currentYear && f.Implementation != ImplementationStatus.Implemented
                    && !f.IsInformationOnly && f.Acceptance != Acceptance.NotAccepted && f.Acceptance != Acceptance.NotRelevant),
            [Figure.DataQualityWarning] = new("Data-quality warnings", "Implementation recorded without the recommendation being recorded as accepted.", f => f.Implementation != null && f.Acceptance != Acceptance.Accepted),
            [Figure.NoRecentUpdate] = new("No recent update", $"Not implemented, and nothing recorded for it in the last {staleAfterMonths} months (since {staleBefore:yyyy-MM-dd}).",
                f => f.Implementation != ImplementationStatus.Implemented && !f.IsInformationOnly && (f.LastChangedAt == null || f.LastChangedAt < staleBefore)),
        };
    }

    /// <summary>The definitions as they apply at the end of <paramref name="day"/>, for the dashboard (today) or an export as of a day.</summary>
    public static FigureDefinitions ForDay(DateOnly day, int staleAfterMonths)
    {
        var endOfDay = new DateTimeOffset(day.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        return new FigureDefinitions(day, endOfDay.AddMonths(-staleAfterMonths), staleAfterMonths);
    }

    public Definition this[Figure figure] => _definitions[figure];

    /// <summary>The recommendations that count under at least one of <paramref name="figures"/>, as one predicate the database can evaluate.</summary>
    public Expression<Func<RecommendationFacts, bool>> AnyOf(IEnumerable<Figure> figures)
    {
        var facts = Expression.Parameter(typeof(RecommendationFacts), "f");
        var any = figures
            .Select(figure => ReplacingExpressionVisitor.Replace(this[figure].Predicate.Parameters[0], facts, this[figure].Predicate.Body))
            .Aggregate(Expression.OrElse);
        return Expression.Lambda<Func<RecommendationFacts, bool>>(any, facts);
    }

    /// <summary>The day deadlines are compared with.</summary>
    public DateOnly Today { get; }

    /// <summary>A latest change before this moment is not a recent update.</summary>
    public DateTimeOffset StaleBefore { get; }

    public sealed class Definition(string label, string meaning, Expression<Func<RecommendationFacts, bool>> predicate)
    {
        private readonly Lazy<Func<RecommendationFacts, bool>> _compiled = new(predicate.Compile);

        public string Label { get; } = label;

        /// <summary>The sentence shown beside the figure, so a reader knows exactly what was counted.</summary>
        public string Meaning { get; } = meaning;

        public Expression<Func<RecommendationFacts, bool>> Predicate { get; } = predicate;

        public bool Matches(RecommendationFacts facts) => _compiled.Value(facts);
    }
}
