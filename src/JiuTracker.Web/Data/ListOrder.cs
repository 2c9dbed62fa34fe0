using JiuTracker.Web.Domain;

namespace JiuTracker.Web.Data;

/// <summary>The order reports are listed in everywhere: the newest year first, then the highest number, then the symbol.</summary>
public static class ListOrder
{
    public static IOrderedQueryable<Report> InListOrder(this IQueryable<Report> reports) =>
        reports.OrderByDescending(r => r.Year).ThenByDescending(r => r.Number).ThenBy(r => r.Symbol);

    /// <summary>Recommendations grouped by report in the reports' list order, by number within a report.</summary>
    public static IOrderedQueryable<Recommendation> InReportListOrder(this IQueryable<Recommendation> recommendations) =>
        recommendations.OrderByDescending(r => r.Report.Year).ThenByDescending(r => r.Report.Number).ThenBy(r => r.Report.Symbol).ThenBy(r => r.Number);
}
