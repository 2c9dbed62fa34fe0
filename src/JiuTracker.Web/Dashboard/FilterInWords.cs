using System.Globalization;
using JiuTracker.Web.Domain;

namespace JiuTracker.Web.Dashboard;

/// <summary>What a filter selects, in a sentence, for the printed dashboard and its as-of line.</summary>
public static class FilterInWords
{
    /// <param name="focalPointName">The name of the filter's focal point, when it has one and it exists.</param>
    public static string Describe(RecommendationFilter filter, string? focalPointName)
    {
        var parts = new List<string>();
        if (filter.From is { } from && filter.To is { } to)
        {
            parts.Add(from == to ? $"of the reports of {Year(from)}" : $"of the reports of {Year(from)}–{Year(to)}");
        }
        else if (filter.From is { } onlyFrom)
        {
            parts.Add($"of the reports of {Year(onlyFrom)} and later");
        }
        else if (filter.To is { } onlyTo)
        {
            parts.Add($"of the reports of {Year(onlyTo)} and earlier");
        }

        if (filter.Report is { } report)
        {
            parts.Add($"of report {report}");
        }

        if (filter.AddresseeValue is { } addressee)
        {
            parts.Add($"addressed to {addressee.Label().ToLowerInvariant()}");
        }

        if (filter.Unit is { } unit)
        {
            parts.Add($"of the reports unit {unit} is a focal point of");
        }

        if (filter.FocalPoint is { } focalPoint)
        {
            parts.Add(focalPointName is null
                ? $"of the reports of focal point number {focalPoint.ToString(CultureInfo.InvariantCulture)}"
                : $"of the reports of {focalPointName}");
        }

        if (filter.IsMine)
        {
            parts.Add("of my reports");
        }

        return parts.Count == 0 ? "All recommendations in force." : $"Recommendations in force {string.Join(", ", parts)}.";
    }

    private static string Year(int year) => year.ToString(CultureInfo.InvariantCulture);
}
