using JiuTracker.Web.Dashboard;
using JiuTracker.Web.Domain;

namespace JiuTracker.Web.Trends;

/// <summary>
/// Accepted recommendations not yet implemented, by the age of their report: this year minus the report's year, as the
/// JIU counts "outstanding for five years or more". Counted from the dashboard's per-year figures, so each band equals
/// its rows (the drill-down list of <see cref="Figure.AcceptedNotImplemented"/> for the band's years).
/// </summary>
public static class AgeBands
{
    public const string Definition =
        "Accepted and not recorded as Implemented, by age: the current year minus the report's year. A report of 2021 is 5 years old throughout 2026.";

    /// <summary>The bands: the youngest age each takes, and the age at which the next one starts (none for the last).</summary>
    public static readonly IReadOnlyList<(string Label, int FromAge, int? BeforeAge)> Bands =
    [
        ("Under 2 years", 0, 2),
        ("2 to 4 years", 2, 5),
        ("5 years or more (long-outstanding)", 5, null),
    ];

    public static IReadOnlyList<AgeBand> Count(Breakdown byYear, RecommendationFilter filter, int currentYear) =>
    [
        .. Bands.Select(band =>
        {
            var lastYear = currentYear - band.FromAge;
            var firstYear = band.BeforeAge is { } before ? currentYear - before + 1 : int.MinValue;
            var count = byYear.Rows.Where(row => row.Filter.From >= firstYear && row.Filter.From <= lastYear).Sum(row => row.Counts[Figure.AcceptedNotImplemented]);
            return new AgeBand(band.Label, filter.WithinYears(Math.Max(firstYear, AsOfRange.Earliest.Year), lastYear), count);
        }),
    ];
}

/// <param name="Rows">The filter that selects the band's report years; null when the dashboard's filter leaves none of them.</param>
public sealed record AgeBand(string Label, RecommendationFilter? Rows, int Count);
