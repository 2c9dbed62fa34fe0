using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace JiuTracker.Web.Export.Workbook;

/// <summary>
/// Writes one worksheet element by element (SAX style) to its part's stream, so a sheet's rows are never held in
/// memory; only merged ranges, a few per report, are kept until the end of the sheet.
/// </summary>
internal sealed class SheetWriter : IDisposable
{
    private readonly Stream _part;
    private readonly OpenXmlWriter _writer;
    private readonly SheetLayout _layout;
    private readonly List<string> _merges = [];

    /// <param name="selected">The sheet a reader sees first.</param>
    public SheetWriter(Stream part, SheetLayout layout, bool selected)
    {
        _part = part;
        _layout = layout;
        _writer = OpenXmlWriter.Create(part);
        _writer.WriteStartDocument();
        _writer.WriteStartElement(new Worksheet());
        if (layout.PrintsLandscape)
        {
            _writer.WriteElement(new SheetProperties(new PageSetupProperties { FitToPage = true }));
        }

        _writer.WriteElement(new SheetViews(View(layout.FrozenRows, selected)));
        _writer.WriteElement(new Columns(layout.ColumnWidths.Select((width, i) =>
            new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = width, CustomWidth = true })));
        _writer.WriteStartElement(new SheetData());
    }

    /// <summary>The number of the last row written, 0 before the first.</summary>
    public uint RowCount { get; private set; }

    /// <summary>Writes the next row from column A on; a cell spanning columns is merged with them.</summary>
    public void WriteRow(params ReadOnlySpan<CellContent> cells)
    {
        RowCount++;
        _writer.WriteStartElement(new Row { RowIndex = RowCount, Height = RowHeights.Estimate(cells, _layout.ColumnWidths) });
        var column = 0;
        foreach (var cell in cells)
        {
            WriteCell(CellReference(column, RowCount), cell);
            for (var covered = 1; covered < cell.Span; covered++)
            {
                // Covered cells keep the style, so borders run along the whole merged range.
                WriteCell(CellReference(column + covered, RowCount), CellContent.Empty(cell.Style));
            }

            if (cell.Span > 1)
            {
                Merge(column, RowCount, column + cell.Span - 1, RowCount);
            }

            column += cell.Span;
        }

        _writer.WriteEndElement();
    }

    public void WriteEmptyRow() => RowCount++;

    /// <summary>Merges a range of the rows written so far; columns count from 0.</summary>
    public void Merge(int firstColumn, uint firstRow, int lastColumn, uint lastRow) =>
        _merges.Add($"{CellReference(firstColumn, firstRow)}:{CellReference(lastColumn, lastRow)}");

    /// <summary>Ends the sheet, with an autofilter over the header row and every row below it if asked.</summary>
    public void Finish(int autoFilterColumns = 0)
    {
        _writer.WriteEndElement();
        if (autoFilterColumns > 0)
        {
            _writer.WriteElement(new AutoFilter { Reference = $"A1:{CellReference(autoFilterColumns - 1, Math.Max(RowCount, 1))}" });
        }

        if (_merges.Count > 0)
        {
            _writer.WriteElement(new MergeCells(_merges.Select(m => new MergeCell { Reference = m })) { Count = (uint)_merges.Count });
        }

        if (_layout.PrintsLandscape)
        {
            _writer.WriteElement(new PageMargins { Left = 0.5, Right = 0.5, Top = 0.6, Bottom = 0.6, Header = 0.3, Footer = 0.3 });
            _writer.WriteElement(new PageSetup { PaperSize = 9, Orientation = OrientationValues.Landscape, FitToWidth = 1, FitToHeight = 0 });
        }

        _writer.WriteEndElement();
    }

    /// <summary>Closes the part's stream too: the zip takes the next part only once this one is closed.</summary>
    public void Dispose()
    {
        _writer.Dispose();
        _part.Dispose();
    }

    public static string ColumnName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }

    private static string CellReference(int column, uint row) => $"{ColumnName(column)}{row}";

    private static SheetView View(int frozenRows, bool selected)
    {
        var view = new SheetView { WorkbookViewId = 0, TabSelected = selected ? true : null };
        if (frozenRows > 0)
        {
            var topLeft = CellReference(0, (uint)frozenRows + 1);
            view.Append(
                new Pane { VerticalSplit = frozenRows, TopLeftCell = topLeft, ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
                new Selection { Pane = PaneValues.BottomLeft, ActiveCell = topLeft, SequenceOfReferences = new ListValue<StringValue> { InnerText = topLeft } });
        }

        return view;
    }

    private void WriteCell(string reference, CellContent content)
    {
        var style = content.Style == WorkbookStyles.Normal ? null : (UInt32Value)content.Style;
        switch (content.Kind)
        {
            case CellKind.Text:
                _writer.WriteStartElement(new Cell { CellReference = reference, DataType = CellValues.InlineString, StyleIndex = style });
                _writer.WriteElement(new InlineString(new Text(CellText.Safe(content.Text!)) { Space = SpaceProcessingModeValues.Preserve }));
                _writer.WriteEndElement();
                break;
            case CellKind.Number:
                _writer.WriteElement(new Cell(new CellValue(content.Number)) { CellReference = reference, StyleIndex = style });
                break;
            case CellKind.Empty when style is not null:
                _writer.WriteElement(new Cell { CellReference = reference, StyleIndex = style });
                break;
            default:
                break;
        }
    }
}
