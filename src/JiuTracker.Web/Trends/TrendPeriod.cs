using System.ComponentModel.DataAnnotations;
using System.Globalization;
using JiuTracker.Web.Domain;

namespace JiuTracker.Web.Trends;

/// <summary>
/// The calendar years a trend covers and whether it takes the end of each quarter or of each year, as query-string
/// values (<c>?trendFrom=2022&amp;trendTo=2026&amp;interval=quarter</c>); left out, the last five years by quarter.
/// </summary>
public sealed class TrendPeriod
{
    public const string FromLabel = "Trend from year";

    public const string ToLabel = "Trend to year";

    public const string IntervalLabel = "At the end of each";

    /// <summary>The years a trend covers when no start is given: the end year and the four before it (20 quarters).</summary>
    public const int DefaultYears = 5;

    [Display(Name = FromLabel)]
    public int? TrendFrom { get; set; }

    [Display(Name = ToLabel)]
    public int? TrendTo { get; set; }

    /// <summary><c>quarter</c> (the default) or <c>year</c>.</summary>
    [Display(Name = IntervalLabel)]
    public string? Interval { get; set; }

    public bool ByYear => string.Equals(Interval, "year", StringComparison.OrdinalIgnoreCase);

    public int LastYear(DateOnly today) => TrendTo ?? today.Year;

    public int FirstYear(DateOnly today) => TrendFrom ?? LastYear(today) - DefaultYears + 1;

    /// <summary>What is wrong with the values, each with the parameter it concerns; empty when they can be used.</summary>
    public IReadOnlyList<(string Parameter, string Message)> Problems(DateOnly today)
    {
        var problems = new List<(string, string)>();
        var earliest = AsOfRange.Earliest.Year;
        foreach (var (parameter, label, year) in new[] { ("trendFrom", FromLabel, TrendFrom), ("trendTo", ToLabel, TrendTo) })
        {
            if (year is { } y && (y < earliest || y > today.Year))
            {
                problems.Add((parameter, string.Create(CultureInfo.InvariantCulture, $"{label}: the year must be from {earliest} to {today.Year}, not {y}.")));
            }
        }

        if (problems.Count == 0 && FirstYear(today) > LastYear(today))
        {
            problems.Add(("trendFrom", string.Create(CultureInfo.InvariantCulture, $"The trend's years run backwards: from {FirstYear(today)} to {LastYear(today)}.")));
        }

        if (Interval is not null && !ByYear && !string.Equals(Interval, "quarter", StringComparison.OrdinalIgnoreCase))
        {
            problems.Add(("interval", $"{IntervalLabel}: use quarter or year, not \"{Interval}\"."));
        }

        return problems;
    }

    /// <summary>
    /// The days the trend takes its figures at: the last day of each quarter (or year) of the period that has ended by
    /// <paramref name="today"/>, then today itself when the period reaches the quarter (or year) under way.
    /// </summary>
    public IReadOnlyList<PeriodEnd> Ends(DateOnly today)
    {
        var ends = new List<PeriodEnd>();
        var first = Math.Max(FirstYear(today), AsOfRange.Earliest.Year);
        for (var year = first; year <= LastYear(today); year++)
        {
            for (var quarter = ByYear ? 4 : 1; quarter <= 4; quarter++)
            {
                var end = new DateOnly(year, quarter * 3, 1).AddMonths(1).AddDays(-1);
                var label = ByYear ? year.ToString(CultureInfo.InvariantCulture) : string.Create(CultureInfo.InvariantCulture, $"{year} Q{quarter}");
                if (end < today)
                {
                    ends.Add(new PeriodEnd(label, end, IsToDate: false));
                }
                else
                {
                    ends.Add(new PeriodEnd(label, today, IsToDate: true));
                    return ends;
                }
            }
        }

        return ends;
    }

    /// <summary>The values as route values for links (empty ones left out).</summary>
    public Dictionary<string, string> ToRouteValues()
    {
        var values = new Dictionary<string, string>();
        if (TrendFrom is { } from)
        {
            values["trendFrom"] = from.ToString(CultureInfo.InvariantCulture);
        }

        if (TrendTo is { } to)
        {
            values["trendTo"] = to.ToString(CultureInfo.InvariantCulture);
        }

        if (!string.IsNullOrWhiteSpace(Interval))
        {
            values["interval"] = Interval;
        }

        return values;
    }
}

/// <summary>A day a trend takes its figures at: the end of a quarter or year, or today for the one under way.</summary>
/// <param name="Label">"2025 Q3" or "2025".</param>
/// <param name="IsToDate">The quarter or year is under way: the figures are today's.</param>
public sealed record PeriodEnd(string Label, DateOnly Day, bool IsToDate)
{
    /// <summary>The first moment after the day (UTC): what was recorded before it counts.</summary>
    public DateTimeOffset Cutoff => DayEnd.Of(Day);
}
