using Microsoft.AspNetCore.Mvc;

namespace JiuTracker.Web.Dashboard;

/// <summary>The addresses behind a number: its drill-down list and the CSV export of exactly those rows.</summary>
public static class DashboardLinks
{
    /// <summary>The drill-down page, at its conventional address (no route template).</summary>
    public const string RowsPage = "/Dashboard/Recommendations";

    /// <summary>The CSV of a figure's rows, served by the exports (<c>RecommendationsCsv</c>).</summary>
    public const string RowsCsvPath = "/export/recommendations.csv";

    /// <summary>
    /// The drill-down list of a figure. Built from the page's fixed address rather than by link generation: the dashboard
    /// shows a few hundred of these links, and generating each through the routes was most of its rendering time.
    /// </summary>
    public static string Rows(IUrlHelper url, RecommendationFilter filter, Figure figure) =>
        url.Content("~" + RowsPage) + QueryString.Create(Values(filter, figure)!);

    public static string Csv(RecommendationFilter filter, Figure figure) =>
        RowsCsvPath + QueryString.Create(Values(filter, figure)!);

    /// <summary>The CSV of a figure's rows as they stood at the end of <paramref name="day"/>, rebuilt from the history.</summary>
    public static string CsvAsOf(RecommendationFilter filter, Figure figure, DateOnly day)
    {
        var values = Values(filter, figure);
        values["asOf"] = day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return RowsCsvPath + QueryString.Create(values!);
    }

    /// <summary>Every row of a breakdown on its own page (<c>/Dashboard/Breakdown?by=unit</c>), with the dashboard's filter.</summary>
    public static string WholeList(IUrlHelper url, Breakdown breakdown, RecommendationFilter filter)
    {
        var values = FilterValues(filter);
        values["by"] = breakdown.Kind.Name();
        return url.Content("~" + WholeListPage) + QueryString.Create(values);
    }

    public const string WholeListPage = "/Dashboard/Breakdown";

    private static Dictionary<string, string?> FilterValues(RecommendationFilter filter) =>
        filter.ToRouteValues().ToDictionary(v => v.Key, v => (string?)v.Value);

    private static Dictionary<string, string?> Values(RecommendationFilter filter, Figure figure)
    {
        var values = FilterValues(filter);
        if (figure != Figure.All)
        {
            values["figure"] = figure.ToString();
        }

        return values;
    }
}
