using JiuTracker.Web.Dashboard;

namespace JiuTracker.Web.Export;

public static class SnapshotFacts
{
    /// <summary>The facts of an export's snapshot, so an export counts with the dashboard's definitions; no last change.</summary>
    public static RecommendationFacts Of(ReportSnapshot report, RecommendationSnapshot recommendation) => new()
    {
        Id = recommendation.Id,
        ReportSymbol = report.Symbol,
        ReportYear = report.Year,
        Number = recommendation.Number,
        Addressee = recommendation.Addressee,
        Acceptance = recommendation.Acceptance,
        Implementation = recommendation.Implementation,
        DeadlineYear = recommendation.DeadlineYear,
        IsInformationOnly = recommendation.InformationOnlyNote is not null,
        IsImplementationClaimed = recommendation.ImplementationClaimed,
        LastChangedAt = null,
    };
}
