using System.Text;
using System.Text.RegularExpressions;

namespace JiuTracker.Web.Import.Reading;

/// <summary>
/// Joins the lines of a text that are one sentence broken by a hard line wrap, as comments pasted into the legacy
/// document carry them ("…best practices and trainings from" / "front runners and subject-matter expert agencies.").
/// A line break is a wrap when the line before it runs on: it does not end with a sentence's or a clause's punctuation
/// (. : ; ! ? …, closing quotes or brackets after it allowed), it is not short (at least half as long as its
/// paragraph's longest line: a wrap happens where a line is full, so a short line is a line of its own, such as a
/// heading), and the line after it does not start a list item ("- ", "• ", "1.", "a)", "(ii)"). Blank lines, which
/// separate paragraphs, are kept, and so is every other line break. A wrap after a hyphen ("Secretary-" /
/// "General") joins without a space; any other joins with one.
/// </summary>
public static partial class WrappedLines
{
    /// <summary>The text with its wraps joined; its other lines as they are.</summary>
    public static string Join(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Split('\n');
        var joined = new StringBuilder(text.Length);
        var longest = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            if (i == 0 || IsBlank(lines[i - 1]))
            {
                longest = lines.Skip(i).TakeWhile(line => !IsBlank(line)).Select(line => line.TrimEnd().Length).DefaultIfEmpty().Max();
            }

            if (i > 0 && IsWrap(lines[i - 1], lines[i], longest))
            {
                TrimEnd(joined);
                if (!EndsWithWordHyphen(lines[i - 1]))
                {
                    joined.Append(' ');
                }

                joined.Append(lines[i].TrimStart());
            }
            else
            {
                joined.Append(i == 0 ? "" : "\n").Append(lines[i]);
            }
        }

        return joined.ToString();
    }

    private static bool IsWrap(string line, string next, int longest)
    {
        var end = line.TrimEnd();
        return end.Length > 0 && !IsBlank(next)
            && end.Length * 2 >= longest
            && !EndsAClause().IsMatch(end)
            && !ListItem().IsMatch(next);
    }

    private static bool IsBlank(string line) => string.IsNullOrWhiteSpace(line);

    private static bool EndsWithWordHyphen(string line)
    {
        var end = line.TrimEnd();
        return end.Length >= 2 && end[^1] == '-' && char.IsLetterOrDigit(end[^2]);
    }

    private static void TrimEnd(StringBuilder text)
    {
        while (text.Length > 0 && char.IsWhiteSpace(text[^1]))
        {
            text.Length--;
        }
    }

    [GeneratedRegex(@"[.:;!?…][""'”’)\]]*$")]
    private static partial Regex EndsAClause();

    // a bullet and a space; or a number, a letter or a roman numeral, with "." or ")" or in brackets, and a space
    [GeneratedRegex(@"^\s*(?:[-–—•·*▪◦‣►➢→]\s|(?:\d{1,3}|[a-zA-Z]|[ivxIVX]{2,5})[.)]\s|\((?:\d{1,3}|[a-zA-Z]|[ivxIVX]{2,5})\)\s)")]
    private static partial Regex ListItem();
}
