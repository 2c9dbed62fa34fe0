namespace JiuTracker.Web.Dashboard;

/// <summary>The names of the breakdowns in addresses (<c>/Dashboard/Breakdown?by=focal-point</c>), and back.</summary>
public static class BreakdownNames
{
    private static readonly Dictionary<BreakdownKind, string> Names = new()
    {
        [BreakdownKind.Report] = "report",
        [BreakdownKind.Year] = "year",
        [BreakdownKind.Addressee] = "addressee",
        [BreakdownKind.Unit] = "unit",
        [BreakdownKind.FocalPoint] = "focal-point",
    };

    public static string Name(this BreakdownKind kind) => Names[kind];

    public static bool TryParse(string? name, out BreakdownKind kind)
    {
        foreach (var (candidate, candidateName) in Names)
        {
            if (string.Equals(candidateName, name, StringComparison.OrdinalIgnoreCase))
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }

    /// <summary>The choices, for a message saying what <c>by</c> may be.</summary>
    public static string Choices => string.Join(", ", Names.Values);

    /// <summary>The whole list of a breakdown on its own page, with the dashboard's filter.</summary>
    public static string WholeListUrl(Microsoft.AspNetCore.Mvc.IUrlHelper url, Breakdown breakdown, RecommendationFilter filter)
    {
        var values = filter.ToRouteValues().ToDictionary(v => v.Key, v => (string?)v.Value);
        values["by"] = breakdown.Kind.Name();
        return url.Content("~/Dashboard/Breakdown") + QueryString.Create(values);
    }
}
