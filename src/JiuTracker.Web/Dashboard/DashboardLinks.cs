using JiuTracker.Web.Export;
using Microsoft.AspNetCore.Mvc;

namespace JiuTracker.Web.Dashboard;

/// <summary>The addresses behind a number: its drill-down list and the CSV export of exactly those rows.</summary>
public static class DashboardLinks
{
    public static string Rows(IUrlHelper url, RecommendationFilter filter, Figure figure) =>
        url.Page("/Dashboard/Recommendations", Values(filter, figure))!;

    public static string Csv(RecommendationFilter filter, Figure figure) =>
        RecommendationsCsv.Path + QueryString.Create(Values(filter, figure)!);

    private static Dictionary<string, string?> Values(RecommendationFilter filter, Figure figure)
    {
        var values = filter.ToRouteValues().ToDictionary(v => v.Key, v => (string?)v.Value);
        if (figure != Figure.All)
        {
            values["figure"] = figure.ToString();
        }

        return values;
    }
}
