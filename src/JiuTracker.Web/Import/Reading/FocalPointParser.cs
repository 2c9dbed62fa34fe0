using System.Text.RegularExpressions;

namespace JiuTracker.Web.Import.Reading;

/// <summary>Reads a focal-points cell such as "Mr. Anders Norsker (GS/IS) and Mr. Preetam Maloor (GS/SPM)".</summary>
internal static partial class FocalPointParser
{
    private const string Example = "\"Mr. Anders Norsker (GS/IS)\"";

    public static IReadOnlyList<LegacyFocalPoint> Parse(SourceLine cell, string symbol, List<LegacyDocumentError> errors)
    {
        var parts = Separator().Split(TextTools.CollapseWhitespace(cell.Text))
            .Select(part => part.Trim())
            .Where(part => part.Length > 0)
            .ToList();
        if (parts.Count == 0)
        {
            errors.Add(new LegacyDocumentError(cell.Number, symbol, null, $"Table 1 names no focal point for {symbol}"));
        }

        var focalPoints = new List<LegacyFocalPoint>();
        foreach (var part in parts)
        {
            var match = Person().Match(part);
            if (match.Success)
            {
                focalPoints.Add(new LegacyFocalPoint(TitleOf(match), match.Groups["name"].Value, match.Groups["unit"].Value));
            }
            else
            {
                errors.Add(new LegacyDocumentError(cell.Number, symbol, null, Problem(part)));
            }
        }

        return focalPoints;
    }

    // the form of address is kept as written but always with its full stop, as in "Mr."
    private static string TitleOf(Match match) =>
        match.Groups["title"].Success ? match.Groups["title"].Value + "." : "";

    private static string Problem(string focalPoint) => focalPoint.Contains('(', StringComparison.Ordinal)
        ? $"focal point {TextTools.Quote(focalPoint)} cannot be read: expected a name and a unit in parentheses, as in {Example}"
        : $"focal point {TextTools.Quote(focalPoint)} has no unit in parentheses, as in {Example}";

    // separators inside parentheses belong to a unit such as "(GS, IS)"
    [GeneratedRegex(@"(?:\s+and\s+|\s*[,;]\s*)(?![^()]*\))", RegexOptions.IgnoreCase)]
    private static partial Regex Separator();

    [GeneratedRegex(@"^(?:(?<title>Mr|Mrs|Ms|Dr|Prof)\.?\s+)?(?<name>[^()\s][^()]*?)\s*\(\s*(?<unit>[^()]*?\S)\s*\)$", RegexOptions.IgnoreCase)]
    private static partial Regex Person();
}
