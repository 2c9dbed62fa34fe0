using JiuTracker.Web.Data;
using JiuTracker.Web.Domain;

namespace JiuTracker.Web.Dashboard;

/// <summary>
/// What the figures are computed from: one row per recommendation in force. A class with settable members (not a
/// record) so that queries can keep filtering on it in SQL after the projection.
/// </summary>
public sealed class RecommendationFacts
{
    public int Id { get; init; }

    public int ReportId { get; init; }

    public string ReportSymbol { get; init; } = "";

    public int ReportYear { get; init; }

    /// <summary>The report's number within its year, for the list order (<see cref="FactsListOrder"/>).</summary>
    public int ReportNumber { get; init; }

    public int Number { get; init; }

    public Addressee Addressee { get; init; }

    public Acceptance? Acceptance { get; init; }

    public ImplementationStatus? Implementation { get; init; }

    public int? DeadlineYear { get; init; }

    public bool IsInformationOnly { get; init; }

    /// <summary>A focal point stated Implemented and no coordinator has validated it yet (decision 032).</summary>
    public bool IsImplementationClaimed { get; init; }

    /// <summary>The time of the latest history entry; null when it has none.</summary>
    public DateTimeOffset? LastChangedAt { get; init; }

    /// <summary>When it was registered; null for recommendations registered before the register kept the time.</summary>
    public DateTimeOffset? RegisteredAt { get; init; }

    /// <summary>When it was withdrawn; null while in force.</summary>
    public DateTimeOffset? WithdrawnAt { get; init; }

    /// <summary>The recommendations in force: what today's figures count.</summary>
    public static IQueryable<RecommendationFacts> Query(JiuDbContext db) => Project(db.Recommendations.InForce());

    /// <summary>Every recommendation, withdrawn ones too, for figures as of past days (a recommendation withdrawn since was in force then).</summary>
    public static IQueryable<RecommendationFacts> QueryIncludingWithdrawn(JiuDbContext db) => Project(db.Recommendations);

    private static IQueryable<RecommendationFacts> Project(IQueryable<Recommendation> recommendations) =>
        recommendations.Select(r => new RecommendationFacts
        {
            Id = r.Id,
            ReportId = r.ReportId,
            ReportSymbol = r.Report.Symbol,
            ReportYear = r.Report.Year,
            ReportNumber = r.Report.Number,
            Number = r.Number,
            Addressee = r.Addressee,
            Acceptance = r.Acceptance,
            Implementation = r.Implementation,
            DeadlineYear = r.DeadlineYear,
            IsInformationOnly = r.InformationOnlyNote != null,
            IsImplementationClaimed = r.ClaimedAt != null,
            LastChangedAt = r.LastChangedAt,
            RegisteredAt = r.RegisteredAt,
            WithdrawnAt = r.WithdrawnAt,
        });
}

/// <summary>Recommendations in the order of every list and export (<see cref="ListOrder"/>): their reports' order, then by number.</summary>
public static class FactsListOrder
{
    public static IOrderedQueryable<RecommendationFacts> InListOrder(this IQueryable<RecommendationFacts> facts) =>
        facts.OrderByDescending(f => f.ReportYear).ThenByDescending(f => f.ReportNumber).ThenBy(f => f.ReportSymbol).ThenBy(f => f.Number);
}
