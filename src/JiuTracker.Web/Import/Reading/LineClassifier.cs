using System.Globalization;
using System.Text.RegularExpressions;
using JiuTracker.Web.Domain;

namespace JiuTracker.Web.Import.Reading;

/// <summary>Tells the cells, report headings, focal-point lines and paragraphs of the plain-text export apart.</summary>
internal static partial class LineClassifier
{
    /// <summary>Whether the line is the "Table N" paragraph that starts table <paramref name="table"/>.</summary>
    public static bool IsTableStart(string line, int table)
    {
        var match = line.StartsWith('\t') ? Match.Empty : TableLine().Match(StripBookmarks(line));
        return match.Success && match.Groups["number"].Value == table.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Classifies consecutive lines; <paramref name="inSections"/> is true for Table 2, where headings exist.</summary>
    /// <param name="firstNumber">The 1-based number of the first of <paramref name="lines"/>.</param>
    public static List<SourceLine> Classify(IReadOnlyList<string> lines, int firstNumber, bool inSections)
    {
        var classified = lines.Select((line, index) => ClassifyLine(firstNumber + index, line, inSections)).ToList();
        if (inSections)
        {
            MarkHeadingsWithoutSymbol(classified);
        }

        return classified;
    }

    private static SourceLine ClassifyLine(int number, string line, bool inSections)
    {
        if (line.StartsWith('\t'))
        {
            return ClassifyCell(number, line[1..]);
        }

        var text = StripBookmarks(line).TrimEnd();
        if (text.Length == 0)
        {
            return new SourceLine(number, LineKind.Blank, "");
        }

        if (SeparatorLine().IsMatch(text))
        {
            return new SourceLine(number, LineKind.Separator, text);
        }

        if (inSections && ReportSymbol.TryParseLeading(text, out var symbol, out var title))
        {
            return new SourceLine(number, LineKind.Heading, title, symbol);
        }

        var kind = inSections && FocalPointLine().IsMatch(text) ? LineKind.FocalPointLine : LineKind.Text;
        return new SourceLine(number, kind, text);
    }

    private static SourceLine ClassifyCell(int number, string content)
    {
        var text = StripBookmarks(content);

        // Word puts bookmarks in cells of their own; such a cell holds nothing of the document
        var kind = text.Length < content.Length && string.IsNullOrWhiteSpace(text) ? LineKind.BookmarkOnlyCell : LineKind.Cell;
        return new SourceLine(number, kind, text.TrimEnd());
    }

    private static string StripBookmarks(string text) => Bookmark().Replace(text, "");

    // A focal-point line after rows with no heading in between means its heading lost the symbol: mark that paragraph.
    private static void MarkHeadingsWithoutSymbol(List<SourceLine> lines)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            var heading = lines[i].Kind == LineKind.FocalPointLine ? FindHeadingWithoutSymbol(lines, i) : -1;
            if (heading >= 0)
            {
                lines[heading] = lines[heading] with { Kind = LineKind.HeadingWithoutSymbol, Text = lines[heading].Text.Trim() };
            }
        }
    }

    /// <summary>The index of the paragraph nearest before the focal-point line, when no heading precedes it since the last cell; otherwise -1.</summary>
    private static int FindHeadingWithoutSymbol(List<SourceLine> lines, int focalPointLine)
    {
        var candidate = -1;
        for (var i = focalPointLine - 1; i >= 0; i--)
        {
            switch (lines[i].Kind)
            {
                case LineKind.Heading:
                    return -1;
                case LineKind.Text when candidate < 0:
                    candidate = i;
                    break;
                case LineKind.Text or LineKind.Blank:
                    break;
                default:
                    return candidate;
            }
        }

        return candidate;
    }

    [GeneratedRegex(@"\[bookmark:[^\]]*\]", RegexOptions.IgnoreCase)]
    private static partial Regex Bookmark();

    [GeneratedRegex(@"^\s*Table\s+(?<number>\d+)\s*[.:]?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex TableLine();

    [GeneratedRegex(@"^\s*_+$")]
    private static partial Regex SeparatorLine();

    [GeneratedRegex(@"^\s*(-\s*)?(\S+\s+)?Focal\s+Points?\s*:", RegexOptions.IgnoreCase)]
    private static partial Regex FocalPointLine();
}
