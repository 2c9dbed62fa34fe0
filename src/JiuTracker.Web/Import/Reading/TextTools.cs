using System.Text.RegularExpressions;

namespace JiuTracker.Web.Import.Reading;

/// <summary>Small text helpers shared by the readers of the legacy document.</summary>
internal static partial class TextTools
{
    private const int QuoteLength = 160;

    public static string CollapseWhitespace(string text) => Whitespace().Replace(text, " ").Trim();

    /// <summary>The text in quotes on one line, shortened so that an error message stays readable.</summary>
    public static string Quote(string text)
    {
        var flat = CollapseWhitespace(text);
        return flat.Length <= QuoteLength ? $"\"{flat}\"" : $"\"{flat[..QuoteLength]}…\"";
    }

    public static bool SameText(string first, string second) =>
        string.Equals(CollapseWhitespace(first), CollapseWhitespace(second), StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
