using System.Linq.Expressions;
using JiuTracker.Web.Domain;
using Microsoft.EntityFrameworkCore.Query;

namespace JiuTracker.Web.Dashboard;

/// <summary>
/// The single definition of every figure: its name, the sentence shown beside it, and the predicate that both
/// counts it and selects its rows for the drill-down list and the CSV export, so a figure always equals its rows.
/// The rules are written once for the whole app; an instance applies them at one moment (the year deadlines are
/// compared with and the "no recent update" line), so a request builds no expression and compiles nothing.
/// </summary>
public sealed class FigureDefinitions
{
    /// <summary>The reasons a recommendation needs attention; <see cref="Figure.NeedsAttention"/> counts those with any of them.</summary>
    public static readonly IReadOnlyList<Figure> AttentionReasons = [Figure.NoDecision, Figure.AcceptedNotStarted, Figure.Overdue, Figure.NoRecentUpdate];

    private static readonly Dictionary<Figure, Rule> Rules = WithNeedsAttention(new()
    {
        [Figure.All] = new("Recommendations", _ => "All recommendations in force (withdrawn ones are left out).", (f, m) => true),
        [Figure.Accepted] = new("Accepted", _ => "Acceptance recorded as Accepted.", (f, m) => f.Acceptance == Acceptance.Accepted),
        [Figure.NotAccepted] = new("Not accepted", _ => "Acceptance recorded as Not accepted.", (f, m) => f.Acceptance == Acceptance.NotAccepted),
        [Figure.NotRelevant] = new("Not relevant", _ => "Acceptance recorded as Not relevant.", (f, m) => f.Acceptance == Acceptance.NotRelevant),
        [Figure.UnderConsideration] = new("Requires further consideration", _ => "Acceptance recorded as Requires further consideration (the decision is not yet taken).", (f, m) => f.Acceptance == Acceptance.UnderConsideration),
        [Figure.NoDecision] = new("No decision recorded", _ => "No acceptance recorded, leaving out recommendations for information only.", (f, m) => f.Acceptance == null && !f.IsInformationOnly),
        [Figure.InformationOnly] = new("For information only", _ => "Addressed to others (e.g. the Secretary-General); no acceptance is recorded for them.", (f, m) => f.IsInformationOnly),
        [Figure.DecisionRecorded] = new("Decision recorded", _ => "Acceptance recorded, leaving out Not relevant: the denominator of the acceptance rate.", (f, m) => f.Acceptance != null && f.Acceptance != Acceptance.NotRelevant),
        [Figure.NotStarted] = new("Not started", _ => "Implementation recorded as Not started.", (f, m) => f.Implementation == ImplementationStatus.NotStarted),
        [Figure.InProgress] = new("In progress", _ => "Implementation recorded as In progress.", (f, m) => f.Implementation == ImplementationStatus.InProgress),
        [Figure.Implemented] = new("Implemented", _ => "Implementation recorded as Implemented, whether or not acceptance is recorded: validated closures only (an implementation claimed and awaiting validation is not counted).", (f, m) => f.Implementation == ImplementationStatus.Implemented),
        [Figure.ImplementationNotRecorded] = new("Implementation not recorded", _ => "No implementation status recorded.", (f, m) => f.Implementation == null),
        [Figure.AcceptedImplemented] = new("Accepted and implemented", _ => "Accepted and recorded as Implemented (validated closures only): the numerator of the implementation rate.", (f, m) => f.Acceptance == Acceptance.Accepted && f.Implementation == ImplementationStatus.Implemented),
        [Figure.AcceptedNotImplemented] = new("Accepted, not implemented", _ => "Accepted and not recorded as Implemented (a claim awaiting validation counts here): the accepted recommendations still outstanding.", (f, m) => f.Acceptance == Acceptance.Accepted && f.Implementation != ImplementationStatus.Implemented),
        [Figure.AcceptedNotStarted] = new("Accepted but not started", _ => "Accepted and recorded as Not started.", (f, m) => f.Acceptance == Acceptance.Accepted && f.Implementation == ImplementationStatus.NotStarted),
        [Figure.Overdue] = new("Overdue",
            m => $"The deadline year has ended (before {m.CurrentYear}) and it is not implemented; leaves out Not accepted, Not relevant and information-only recommendations.",
            (f, m) => f.DeadlineYear != null && f.DeadlineYear < m.CurrentYear && f.Implementation != ImplementationStatus.Implemented
                && !f.IsInformationOnly && f.Acceptance != Acceptance.NotAccepted && f.Acceptance != Acceptance.NotRelevant),
        [Figure.DataQualityWarning] = new("Data-quality warnings", _ => "Implementation recorded without the recommendation being recorded as accepted.", (f, m) => f.Implementation != null && f.Acceptance != Acceptance.Accepted),
        [Figure.NoRecentUpdate] = new("No recent update",
            m => $"Not implemented, and nothing recorded for it in the last {m.StaleAfterMonths} months (since {m.StaleBefore:yyyy-MM-dd}).",
            (f, m) => f.Implementation != ImplementationStatus.Implemented && !f.IsInformationOnly && (f.LastChangedAt == null || f.LastChangedAt < m.StaleBefore),
            aboutToday: true),
        [Figure.Open] = new("Open",
            _ => "Not implemented, not rejected as Not accepted or Not relevant, and not for information only: what a follow-up round asks about.",
            (f, m) => f.Implementation != ImplementationStatus.Implemented && !f.IsInformationOnly && f.Acceptance != Acceptance.NotAccepted && f.Acceptance != Acceptance.NotRelevant),
        [Figure.ImplementationClaimed] = new("Implementation claimed",
            _ => "A focal point stated Implemented and no coordinator has validated it yet; until validated it is counted under the status recorded before the claim, not as Implemented.",
            (f, m) => f.IsImplementationClaimed),
        [Figure.NeedsUpdate] = new("Needs an update",
            m => "Open (not implemented, not rejected as Not accepted or Not relevant, not for information only), not awaiting the validation of a claimed implementation, and either with no decision recorded, " +
                $"accepted and not yet implemented, or with nothing recorded for it in the last {m.StaleAfterMonths} months (since {m.StaleBefore:yyyy-MM-dd}).",
            (f, m) => f.Implementation != ImplementationStatus.Implemented && !f.IsInformationOnly && !f.IsImplementationClaimed
                && f.Acceptance != Acceptance.NotAccepted && f.Acceptance != Acceptance.NotRelevant
                && (f.Acceptance == null || f.Acceptance == Acceptance.Accepted || f.LastChangedAt == null || f.LastChangedAt < m.StaleBefore),
            aboutToday: true),
    });

    /// <summary>Adds <see cref="Figure.NeedsAttention"/>: any of the <see cref="AttentionReasons"/>, as their rules say, not restated.</summary>
    private static Dictionary<Figure, Rule> WithNeedsAttention(Dictionary<Figure, Rule> rules)
    {
        var facts = Expression.Parameter(typeof(RecommendationFacts), "f");
        var moment = Expression.Parameter(typeof(Moment), "m");
        var any = AttentionReasons
            .Select(reason => rules[reason].Predicate)
            .Select(rule => ReplacingExpressionVisitor.Replace(rule.Parameters[1], moment, ReplacingExpressionVisitor.Replace(rule.Parameters[0], facts, rule.Body)))
            .Aggregate(Expression.OrElse);
        rules[Figure.NeedsAttention] = new("Needs attention",
            m => $"Any of: {string.Join("; ", AttentionReasons.Select(reason => rules[reason].Label.ToLowerInvariant()))}. " +
                string.Join(" ", AttentionReasons.Select(reason => rules[reason].Meaning(m))),
            Expression.Lambda<Func<RecommendationFacts, Moment, bool>>(any, facts, moment),
            aboutToday: AttentionReasons.Any(reason => rules[reason].IsAboutToday));
        return rules;
    }

    private readonly Moment _moment;
    private readonly Dictionary<Figure, Definition> _definitions;

    /// <param name="today">Deadlines are years: a deadline year is passed once it has ended.</param>
    /// <param name="staleBefore">A recommendation whose latest change is older than this has "no recent update".</param>
    public FigureDefinitions(DateOnly today, DateTimeOffset staleBefore, int staleAfterMonths)
    {
        Today = today;
        _moment = new Moment(today.Year, staleBefore, staleAfterMonths);
        _definitions = Rules.ToDictionary(rule => rule.Key, rule => new Definition(rule.Value, _moment));
    }

    /// <summary>The definitions as they apply at the end of <paramref name="day"/>, for the dashboard (today) or an export as of a day.</summary>
    public static FigureDefinitions ForDay(DateOnly day, int staleAfterMonths)
    {
        var endOfDay = DayEnd.Of(day);
        return new FigureDefinitions(day, endOfDay.AddMonths(-staleAfterMonths), staleAfterMonths);
    }

    public Definition this[Figure figure] => _definitions[figure];

    /// <summary>Whether the figure depends on how recent the last change is: then it is about today and cannot be taken as of a past day.</summary>
    public static bool IsAboutToday(Figure figure) => Rules[figure].IsAboutToday;

    /// <summary>The day deadlines are compared with.</summary>
    public DateOnly Today { get; }

    /// <summary>A latest change before this moment is not a recent update.</summary>
    public DateTimeOffset StaleBefore => _moment.StaleBefore;

    /// <summary>What the rules compare with; a query reads its members as parameters.</summary>
    public sealed record Moment(int CurrentYear, DateTimeOffset StaleBefore, int StaleAfterMonths);

    /// <summary>A figure's rule, written once: the predicate takes the moment as its second parameter.</summary>
    /// <param name="aboutToday">The figure looks at how recent the last change is, so it cannot be taken as of a past day.</param>
    internal sealed class Rule(string label, Func<Moment, string> meaning, Expression<Func<RecommendationFacts, Moment, bool>> predicate, bool aboutToday = false)
    {
        private readonly Lazy<Func<RecommendationFacts, Moment, bool>> _compiled = new(predicate.Compile);

        public string Label { get; } = label;

        public bool IsAboutToday { get; } = aboutToday;

        public Func<Moment, string> Meaning { get; } = meaning;

        public Expression<Func<RecommendationFacts, Moment, bool>> Predicate { get; } = predicate;

        public bool Matches(RecommendationFacts facts, Moment moment) => _compiled.Value(facts, moment);
    }

    public sealed class Definition
    {
        private readonly Rule _rule;
        private readonly Moment _moment;
        private Expression<Func<RecommendationFacts, bool>>? _predicate;

        internal Definition(Rule rule, Moment moment)
        {
            _rule = rule;
            _moment = moment;
        }

        public string Label => _rule.Label;

        /// <summary>The sentence shown beside the figure, so a reader knows exactly what was counted.</summary>
        public string Meaning => _rule.Meaning(_moment);

        /// <summary>The rule at this moment, for a query: the moment's values become the query's parameters.</summary>
        public Expression<Func<RecommendationFacts, bool>> Predicate => _predicate ??= Expression.Lambda<Func<RecommendationFacts, bool>>(
            ReplacingExpressionVisitor.Replace(_rule.Predicate.Parameters[1], Expression.Constant(_moment), _rule.Predicate.Body),
            _rule.Predicate.Parameters[0]);

        public bool Matches(RecommendationFacts facts) => _rule.Matches(facts, _moment);
    }
}
