using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;

namespace JiuTracker.Web.Domain;

/// <summary>A JIU document symbol such as <c>JIU/REP/2021/3</c>: kind REP, NOTE or ML, a year and a number.</summary>
public sealed partial record ReportSymbol(string Kind, int Year, int Number)
{
    public override string ToString() => $"JIU/{Kind}/{Year}/{Number}";

    public static bool TryParse(string? text, [NotNullWhen(true)] out ReportSymbol? symbol)
    {
        var match = text is null ? Match.Empty : WholeSymbol().Match(text.Trim());
        symbol = match.Success
            ? new ReportSymbol(
                match.Groups["kind"].Value.ToUpperInvariant(),
                int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture),
                int.Parse(match.Groups["number"].Value, CultureInfo.InvariantCulture))
            : null;
        return symbol is not null;
    }

    /// <summary>The symbol at the start of a line of text, if there is one, and the rest of the line.</summary>
    public static bool TryParseLeading(string text, [NotNullWhen(true)] out ReportSymbol? symbol, out string rest)
    {
        var match = LeadingSymbol().Match(text.Trim());
        rest = match.Success ? text.Trim()[match.Length..].Trim() : text;
        return TryParse(match.Success ? match.Value : null, out symbol);
    }

    [GeneratedRegex(@"^JIU/(?<kind>REP|NOTE|ML)/(?<year>(19|20)\d{2})/(?<number>[1-9]\d{0,3})$", RegexOptions.IgnoreCase)]
    private static partial Regex WholeSymbol();

    [GeneratedRegex(@"^JIU/(REP|NOTE|ML)/(19|20)\d{2}/[1-9]\d{0,3}(?=\s|$)", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingSymbol();
}
