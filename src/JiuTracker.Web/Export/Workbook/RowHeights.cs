namespace JiuTracker.Web.Export.Workbook;

/// <summary>
/// A row height for wrapped text. Spreadsheet programs do not all fit rows to wrapped text on opening (LibreOffice
/// keeps one line), so a generous height is stored, estimated by wrapping words at the column's width in characters.
/// </summary>
internal static class RowHeights
{
    private const double LineHeight = 15;

    /// <summary>Characters per unit of column width: a width unit is one digit, most letters are narrower.</summary>
    private const double CharactersPerWidth = 1.1;
    private const double TitleHeight = 21;

    /// <summary>Excel's tallest row.</summary>
    private const double MaxHeight = 409;

    /// <returns>Null where one line of the default font fits: the program's default height.</returns>
    public static double? Estimate(ReadOnlySpan<CellContent> cells, IReadOnlyList<double> columnWidths)
    {
        var lines = 1;
        var title = false;
        var column = 0;
        foreach (var cell in cells)
        {
            title |= cell.Style == WorkbookStyles.Title;
            if (cell.Wraps && cell.Text is { } text)
            {
                var width = 0.0;
                for (var covered = column; covered < column + cell.Span && covered < columnWidths.Count; covered++)
                {
                    width += columnWidths[covered];
                }

                lines = Math.Max(lines, WrappedLines(text, (int)Math.Max(1, width * CharactersPerWidth)));
            }

            column += cell.Span;
        }

        return title ? TitleHeight : lines > 1 ? Math.Min(MaxHeight, lines * LineHeight) : null;
    }

    /// <summary>Lines the text takes when its words are wrapped at <paramref name="capacity"/> characters.</summary>
    public static int WrappedLines(ReadOnlySpan<char> text, int capacity)
    {
        var lines = 0;
        foreach (var range in text.Split('\n'))
        {
            lines++;
            var used = 0;
            var paragraph = text[range];
            foreach (var word in paragraph.Split(' '))
            {
                var length = word.GetOffsetAndLength(paragraph.Length).Length;
                if (length == 0)
                {
                    continue;
                }

                if (used > 0 && used + 1 + length <= capacity)
                {
                    used += 1 + length;
                    continue;
                }

                lines += (used > 0 ? 1 : 0) + ((length - 1) / capacity);
                used = ((length - 1) % capacity) + 1;
            }
        }

        return lines;
    }
}
