using System.Globalization;
using System.Text.RegularExpressions;

namespace JiuTracker.Web.Import.Reading;

/// <summary>
/// The day an "Action required" document states its statuses as of, read from its title block (the lines before
/// "Table 1"): an explicit "as of 31 December 2021" / "as at 2021-12-31" first, otherwise the year range of its title
/// ("2020- 2021 JIU UN SYSTEM-WIDE REPORTS"), which stands for 31 December of its last year.
/// </summary>
internal static partial class StatedDateReader
{
    private static readonly string[] DayFormats =
        ["yyyy-MM-dd", "d MMMM yyyy", "d MMM yyyy", "MMMM d, yyyy", "MMMM d yyyy", "MMM d, yyyy", "dd/MM/yyyy", "d/M/yyyy"];

    /// <returns>The day and where the document states it, in words; null when it states none.</returns>
    public static (DateOnly Day, string From)? Find(IReadOnlyList<string> titleBlock) => Explicit(titleBlock) ?? EndOfYearRange(titleBlock);

    private static (DateOnly Day, string From)? Explicit(IReadOnlyList<string> lines)
    {
        foreach (var line in lines)
        {
            foreach (Match match in AsOfPhrase().Matches(line))
            {
                var day = TextTools.CollapseWhitespace(match.Groups["day"].Value).TrimEnd('.', ',', ')', ';', ':');
                if (DateOnly.TryParseExact(day, DayFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var date))
                {
                    return (date, $"the title's \"{TextTools.CollapseWhitespace(match.Value)}\"");
                }
            }
        }

        return null;
    }

    private static (DateOnly Day, string From)? EndOfYearRange(IReadOnlyList<string> lines)
    {
        foreach (var line in lines)
        {
            var match = YearRange().Match(line);
            if (match.Success
                && int.Parse(match.Groups["from"].Value, CultureInfo.InvariantCulture) is var from
                && int.Parse(match.Groups["to"].Value, CultureInfo.InvariantCulture) is var to
                && to >= from)
            {
                return (new DateOnly(to, 12, 31), $"the title's year range \"{TextTools.CollapseWhitespace(match.Value)}\", read as 31 December {to}");
            }
        }

        return null;
    }

    // "as of 31 December 2021", "as at December 31, 2021", "as of 2021-12-31": the words after the phrase, up to the year
    [GeneratedRegex(@"\bas\s+(?:of|at)\s+(?<day>(?:\d{4}-\d{2}-\d{2})|(?:[\p{L}\d/,\s]{1,30}?\b(?:19|20)\d{2}))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AsOfPhrase();

    // "2020- 2021", "2020-2021", "2020 – 2021"
    [GeneratedRegex(@"\b(?<from>(?:19|20)\d{2})\s*[-–—]\s*(?<to>(?:19|20)\d{2})\b", RegexOptions.CultureInvariant)]
    private static partial Regex YearRange();
}
