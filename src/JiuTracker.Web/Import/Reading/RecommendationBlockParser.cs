using System.Globalization;
using System.Text.RegularExpressions;
using JiuTracker.Web.Domain;

namespace JiuTracker.Web.Import.Reading;

/// <summary>
/// Splits the recommendations block of a JIU report as it is copied from the report ("Recommendation 1: The executive
/// heads … should, by the end of 2022, …", paragraph after paragraph) into numbered recommendations, reading each one's
/// addressee and deadline from its wording. Numbers need not be contiguous and the colon may be missing.
/// </summary>
public static partial class RecommendationBlockParser
{
    public static RecommendationBlock Parse(string? block)
    {
        var lines = (block ?? "").ReplaceLineEndings("\n").Split('\n');
        var recommendations = new List<Draft>();
        var ignored = new List<BlockLine>();
        Draft? current = null;
        for (var index = 0; index < lines.Length; index++)
        {
            var line = lines[index].Trim();
            var heading = Heading().Match(line);
            if (heading.Success)
            {
                current = new Draft(NumberOf(heading.Groups["number"].Value), index + 1);
                current.Parts.Add(line[heading.Length..]);
                recommendations.Add(current);
            }
            else if (current is not null)
            {
                current.Parts.Add(line);
            }
            else if (line.Length > 0)
            {
                ignored.Add(new BlockLine(index + 1, line));
            }
        }

        return new RecommendationBlock([.. recommendations.Select(d => d.ToRecommendation())], ignored);
    }

    private static int NumberOf(string digits) =>
        int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : 0;

    private static string Collapse(string text) => Whitespace().Replace(text, " ").Trim();

    private sealed class Draft(int number, int line)
    {
        public List<string> Parts { get; } = [];

        public ParsedRecommendation ToRecommendation()
        {
            var text = Collapse(string.Join(' ', Parts));
            return new ParsedRecommendation(
                number, text, RecommendationText.DetectAddressee(text), RecommendationText.DetectDeadlineYear(text), line);
        }
    }

    // "Recommendation 9:", "Recommendation 9.", "Recommendation 9 The…", "RECOMMENDATION 9" alone on its line;
    // not "Recommendation 9)." or "Recommendation 9, which…", which continue a sentence.
    [GeneratedRegex(@"^(?i:recommendation)\s+(?<number>\d{1,6})\s*(?:[:.\u2013\u2014-]\s*|(?=[\p{Lu}""\u201C\u2018']|$))")]
    private static partial Regex Heading();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}

/// <summary>What the block holds: its recommendations in order, and the lines before the first one, which are not kept.</summary>
public sealed record RecommendationBlock(IReadOnlyList<ParsedRecommendation> Recommendations, IReadOnlyList<BlockLine> IgnoredLines);

/// <param name="Line">The 1-based line of the block where the recommendation starts.</param>
public sealed record ParsedRecommendation(int Number, string Text, Addressee Addressee, int? DeadlineYear, int Line);

public sealed record BlockLine(int Line, string Text);
