using System.Globalization;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace JiuTracker.Web.Export.Workbook;

/// <summary>
/// Writes one worksheet element by element (SAX style) to its part's stream, so a sheet's rows are never held in
/// memory; only merged ranges, a few per report, are kept until the end of the sheet. Rows and cells, the bulk of a
/// workbook, are written straight with an <see cref="XmlWriter"/>: building an SDK element per cell cost more than
/// everything else together. The sheet's frame (views, columns, filter, merges) is written from SDK elements.
/// </summary>
internal sealed class SheetWriter : IDisposable
{
    private const string Prefix = "x";
    private const string Namespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    private readonly XmlWriter _writer;
    private readonly SheetLayout _layout;
    private readonly List<string> _merges = [];

    /// <param name="selected">The sheet a reader sees first.</param>
    /// <param name="leaveOpen">False to close <paramref name="part"/> with the writer: the zip takes the next entry only once this one is closed.</param>
    public SheetWriter(Stream part, SheetLayout layout, bool selected, bool leaveOpen = false)
    {
        _layout = layout;
        _writer = XmlWriter.Create(part, XmlSettings(leaveOpen));
        _writer.WriteStartDocument();
        _writer.WriteStartElement(Prefix, "worksheet", Namespace);
        if (layout.PrintsLandscape)
        {
            new SheetProperties(new PageSetupProperties { FitToPage = true }).WriteTo(_writer);
        }

        new SheetViews(View(layout.FrozenRows, selected)).WriteTo(_writer);
        new Columns(layout.ColumnWidths.Select((width, i) =>
            new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = width, CustomWidth = true })).WriteTo(_writer);
        _writer.WriteStartElement(Prefix, "sheetData", Namespace);
    }

    /// <summary>The number of the last row written, 0 before the first.</summary>
    public uint RowCount { get; private set; }

    /// <summary>Writes the next row from column A on; a cell spanning columns is merged with them.</summary>
    public void WriteRow(params ReadOnlySpan<CellContent> cells)
    {
        RowCount++;
        _writer.WriteStartElement(Prefix, "row", Namespace);
        _writer.WriteAttributeString("r", Number(RowCount));
        if (RowHeights.Estimate(cells, _layout.ColumnWidths) is { } height)
        {
            _writer.WriteAttributeString("ht", Number(height));
        }

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
            new AutoFilter { Reference = $"A1:{CellReference(autoFilterColumns - 1, Math.Max(RowCount, 1))}" }.WriteTo(_writer);
        }

        if (_merges.Count > 0)
        {
            new MergeCells(_merges.Select(m => new MergeCell { Reference = m })) { Count = (uint)_merges.Count }.WriteTo(_writer);
        }

        if (_layout.PrintsLandscape)
        {
            new PageMargins { Left = 0.5, Right = 0.5, Top = 0.6, Bottom = 0.6, Header = 0.3, Footer = 0.3 }.WriteTo(_writer);
            new PageSetup { PaperSize = 9, Orientation = OrientationValues.Landscape, FitToWidth = 1, FitToHeight = 0 }.WriteTo(_writer);
        }

        _writer.WriteEndElement();
        _writer.WriteEndDocument();
    }

    public void Dispose() => _writer.Dispose();

    /// <summary>How the workbook's parts are written: UTF-8 with a byte order mark, as the SDK writes them.</summary>
    public static XmlWriterSettings XmlSettings(bool leaveOpen) =>
        new() { Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), CloseOutput = !leaveOpen };

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

    private static string Number(double value) => value.ToString(CultureInfo.InvariantCulture);

    private void WriteCell(string reference, CellContent content)
    {
        if (content.Kind == CellKind.Empty && content.Style == WorkbookStyles.Normal)
        {
            return;
        }

        _writer.WriteStartElement(Prefix, "c", Namespace);
        _writer.WriteAttributeString("r", reference);
        if (content.Style != WorkbookStyles.Normal)
        {
            _writer.WriteAttributeString("s", Number(content.Style));
        }

        switch (content.Kind)
        {
            case CellKind.Text:
                _writer.WriteAttributeString("t", "inlineStr");
                _writer.WriteStartElement(Prefix, "is", Namespace);
                _writer.WriteStartElement(Prefix, "t", Namespace);
                _writer.WriteAttributeString("xml", "space", null, "preserve");
                _writer.WriteString(CellText.Safe(content.Text!));
                _writer.WriteEndElement();
                _writer.WriteEndElement();
                break;
            case CellKind.Number:
                _writer.WriteElementString(Prefix, "v", Namespace, Number(content.Number));
                break;
            default:
                break;
        }

        _writer.WriteEndElement();
    }
}
