using System.ComponentModel.DataAnnotations;
using System.Globalization;
using JiuTracker.Web.Domain;

namespace JiuTracker.Web.Dashboard;

/// <summary>
/// The dashboard's filters, as query-string values (<c>?from=2020&amp;to=2021&amp;report=JIU/REP/2021/3&amp;addressee=executive-heads&amp;unit=BDT</c>),
/// so a view can be bookmarked and the same filters select the drill-down list and the CSV export.
/// </summary>
public sealed class RecommendationFilter
{
    /// <summary>The year fields' labels, which their messages name; the exports' form has the same fields.</summary>
    public const string FromLabel = "From year";

    public const string ToLabel = "To year";

    /// <summary>First report year included.</summary>
    [Display(Name = FromLabel)]
    public int? From { get; set; }

    /// <summary>Last report year included.</summary>
    [Display(Name = ToLabel)]
    public int? To { get; set; }

    /// <summary>A report symbol, e.g. JIU/REP/2021/3.</summary>
    public string? Report { get; set; }

    /// <summary>An addressee code: executive-heads, legislative-bodies or other.</summary>
    public string? Addressee { get; set; }

    /// <summary>An organizational unit code: recommendations of the reports it is a focal point of.</summary>
    public string? Unit { get; set; }

    /// <summary>A focal point's id: recommendations of the reports they are assigned to.</summary>
    public int? FocalPoint { get; set; }

    /// <summary>Only the reports the signed-in user is a focal point of (nullable, so that leaving it out is allowed).</summary>
    public bool? Mine { get; set; }

    public bool IsMine => Mine == true;

    /// <summary>What is wrong with the values, each with the parameter it concerns; empty when they can be used.</summary>
    public IReadOnlyList<(string Parameter, string Message)> Problems()
    {
        var problems = new List<(string, string)>();
        if (From is not null && To is not null && From > To)
        {
            problems.Add(("from", $"The year range runs backwards: from {From} to {To}."));
        }

        if (Addressee is not null && AddresseeValue is null)
        {
            problems.Add(("addressee", $"Unknown addressee \"{Addressee}\"; use executive-heads, legislative-bodies or other."));
        }

        if (Report is not null && !ReportSymbol.TryParse(Report, out _))
        {
            problems.Add(("report", $"\"{Report}\" is not a report symbol such as JIU/REP/2021/3."));
        }

        return problems;
    }

    public Domain.Addressee? AddresseeValue =>
        Enum.GetValues<Domain.Addressee>().Cast<Domain.Addressee?>().FirstOrDefault(a => a!.Value.Code() == Addressee);

    /// <summary>This filter with some values replaced, for the links of a breakdown row.</summary>
    public RecommendationFilter With(int? year = null, string? report = null, Domain.Addressee? addressee = null, string? unit = null, int? focalPoint = null) => new()
    {
        From = year ?? From,
        To = year ?? To,
        Report = report ?? Report,
        Addressee = addressee?.Code() ?? Addressee,
        Unit = unit ?? Unit,
        FocalPoint = focalPoint ?? FocalPoint,
        Mine = Mine,
    };

    /// <summary>Names what this filter selects for the signed-in user, in the keys of what is kept (<c>KeptReads</c>).</summary>
    public string KeyFor(string? userId)
    {
        var key = string.Join("&", ToRouteValues().OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));
        return IsMine ? $"{key}&user={userId}" : key;
    }

    /// <summary>This filter narrowed to the report years from <paramref name="from"/> to <paramref name="to"/>; null when none of them is in it.</summary>
    public RecommendationFilter? WithinYears(int from, int to)
    {
        var first = Math.Max(from, From ?? from);
        var last = Math.Min(to, To ?? to);
        if (first > last)
        {
            return null;
        }

        var narrowed = With();
        narrowed.From = first;
        narrowed.To = last;
        return narrowed;
    }

    /// <summary>The values as route values for links (empty ones left out).</summary>
    public Dictionary<string, string> ToRouteValues()
    {
        var values = new Dictionary<string, string>();
        Add("from", From?.ToString(CultureInfo.InvariantCulture));
        Add("to", To?.ToString(CultureInfo.InvariantCulture));
        Add("report", Report);
        Add("addressee", Addressee);
        Add("unit", Unit);
        Add("focalPoint", FocalPoint?.ToString(CultureInfo.InvariantCulture));
        Add("mine", IsMine ? "true" : null);
        return values;

        void Add(string key, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                values[key] = value;
            }
        }
    }
}
