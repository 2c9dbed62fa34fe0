using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace JiuTracker.Web.Export.Document;

/// <summary>The few Word building blocks the "Action required" document is made of.</summary>
internal static class WordElements
{
    /// <summary>Font sizes are in half-points.</summary>
    public const string TableFontSize = "18";

    /// <summary>For the narrow status columns' headers.</summary>
    public const string SmallFontSize = "14";

    public static Paragraph Paragraph(string text, bool bold = false, string? fontSize = null, JustificationValues? justification = null)
    {
        var paragraph = new Paragraph();
        if (justification is { } value)
        {
            paragraph.Append(new ParagraphProperties(new Justification { Val = value }));
        }

        paragraph.Append(Run(text, bold, fontSize));
        return paragraph;
    }

    public static Run Run(string text, bool bold = false, string? fontSize = null)
    {
        var properties = new RunProperties();
        if (bold)
        {
            properties.Append(new Bold());
        }

        if (fontSize is not null)
        {
            properties.Append(new FontSize { Val = fontSize });
        }

        return new Run(properties, new Text(text) { Space = SpaceProcessingModeValues.Preserve });
    }

    /// <summary>A cell whose text keeps its line breaks as paragraphs; a cell always holds at least one paragraph.</summary>
    public static TableCell Cell(
        string? text, int width, int gridSpan = 1, bool bold = false, MergedCellValues? verticalMerge = null, string fontSize = TableFontSize)
    {
        var properties = new TableCellProperties(new TableCellWidth { Width = Twips(width), Type = TableWidthUnitValues.Dxa });
        if (gridSpan > 1)
        {
            properties.Append(new GridSpan { Val = gridSpan });
        }

        if (verticalMerge is { } merge)
        {
            properties.Append(new VerticalMerge { Val = merge });
        }

        var cell = new TableCell(properties);
        foreach (var line in (text ?? "").Split('\n'))
        {
            cell.Append(Paragraph(line, bold, fontSize));
        }

        return cell;
    }

    /// <summary>A bordered table with its grid (other readers than Word need the grid).</summary>
    public static Table Table(IReadOnlyList<int> columnWidths)
    {
        var border = new Func<BorderType, BorderType>(b => { b.Val = BorderValues.Single; b.Size = 4; return b; });
        var table = new Table(new TableProperties(
            new TableWidth { Width = Twips(columnWidths.Sum()), Type = TableWidthUnitValues.Dxa },
            new TableBorders(
                border(new TopBorder()), border(new LeftBorder()), border(new BottomBorder()),
                border(new RightBorder()), border(new InsideHorizontalBorder()), border(new InsideVerticalBorder())),
            new TableLayout { Type = TableLayoutValues.Fixed }));
        table.Append(new TableGrid([.. columnWidths.Select(w => new GridColumn { Width = Twips(w) })]));
        return table;
    }

    /// <summary>A header row, repeated at the top of every page the table runs onto.</summary>
    public static TableRow HeaderRow(params TableCell[] cells)
    {
        var row = new TableRow(new TableRowProperties(new TableHeader()));
        row.Append(cells);
        return row;
    }

    private static string Twips(int value) => value.ToString(CultureInfo.InvariantCulture);
}
