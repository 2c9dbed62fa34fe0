using System.ComponentModel.DataAnnotations;
using System.Globalization;
using JiuTracker.Web.Dashboard;
using JiuTracker.Web.Domain;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;

namespace JiuTracker.Web.Export;

/// <summary>
/// What an export covers: reports by year range or by symbol, and the moment its statuses are taken at. The query
/// string form is <c>?from=2020&amp;to=2021&amp;report=JIU/REP/2021/3&amp;report=…&amp;asOf=2026-11-29</c>.
/// </summary>
public sealed class ExportScope
{
    [Display(Name = RecommendationFilter.FromLabel)]
    public int? From { get; set; }

    [Display(Name = RecommendationFilter.ToLabel)]
    public int? To { get; set; }

    /// <summary>Report symbols to include; empty for every report in the year range.</summary>
    [Display(Name = "Reports")]
    public string[]? Report { get; set; }

    /// <summary>The statuses and comments as they stood at the end of this day (UTC); empty for now.</summary>
    [Display(Name = AsOfRange.Label)]
    public DateOnly? AsOf { get; set; }

    /// <summary>Set by the server, never from the query string: auditors' and administrators' exports keep withdrawn recommendations.</summary>
    public bool IncludeWithdrawn { get; private set; }

    public IReadOnlyList<string> Symbols => [.. (Report ?? []).Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s.Trim().ToUpperInvariant())];

    /// <summary>The first moment after the as-of day, or null for "now".</summary>
    /// <remarks>Derived, so never validated: a page's model validation would read it before the day is checked.</remarks>
    [ValidateNever]
    public DateTimeOffset? Cutoff => AsOf is { } day ? DayEnd.Of(day) : null;

    public ExportScope ForReader(bool mayReadWithdrawn)
    {
        IncludeWithdrawn = mayReadWithdrawn;
        return this;
    }

    /// <summary>The date an export is "as of", for its title and file name: the as-of day or today.</summary>
    public DateOnly Date(TimeProvider time) => AsOf ?? DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    public string FileName(string stem, string extension, TimeProvider time) =>
        $"{stem}-{Date(time).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.{extension}";

    /// <summary>The scope in words, for the export itself: "Reports of 2020–2021: JIU/REP/2020/7".</summary>
    public string Describe()
    {
        var years = (From, To) switch
        {
            (null, null) => "All reports",
            ({ } from, null) => $"Reports of {from} onwards",
            (null, { } to) => $"Reports up to {to}",
            ({ } from, { } to) when from == to => $"Reports of {from}",
            ({ } from, { } to) => $"Reports of {from}–{to}",
        };
        var picked = Symbols.Count > 0 ? $": {string.Join(", ", Symbols)}" : "";
        var withdrawn = IncludeWithdrawn ? "; withdrawn recommendations included and marked" : "";
        return $"{years}{picked}{withdrawn}.";
    }

    /// <summary>The chosen values as query-string pairs, the empty ones left out.</summary>
    public IEnumerable<KeyValuePair<string, string?>> ToQuery()
    {
        if (From is { } from)
        {
            yield return new("from", from.ToString(CultureInfo.InvariantCulture));
        }

        if (To is { } to)
        {
            yield return new("to", to.ToString(CultureInfo.InvariantCulture));
        }

        foreach (var symbol in Symbols)
        {
            yield return new("report", symbol);
        }

        if (AsOf is { } day)
        {
            yield return new("asOf", day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
    }

    public IReadOnlyList<string> Problems(TimeProvider time)
    {
        var problems = new List<string>();
        if (From is not null && To is not null && From > To)
        {
            problems.Add($"{RecommendationFilter.FromLabel} {From} is after {RecommendationFilter.ToLabel} {To}: the year range runs backwards.");
        }

        foreach (var symbol in Symbols.Where(s => !ReportSymbol.TryParse(s, out _)))
        {
            problems.Add($"Reports: \"{symbol}\" is not a report symbol such as JIU/REP/2021/3.");
        }

        if (AsOf is { } day && AsOfRange.Problem(day, time) is { } outside)
        {
            problems.Add(outside);
        }

        return problems;
    }
}
