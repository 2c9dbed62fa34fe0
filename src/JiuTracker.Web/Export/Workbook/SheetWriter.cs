namespace JiuTracker.Web.Export.Workbook;

/// <summary>
/// Writes one worksheet element by element (SAX style) to its part's stream, so a sheet's rows are never held in
/// memory; only merged ranges, a few per report, are kept until the end of the sheet. The XML is spelled out here
/// and written as UTF-8 by <see cref="Utf8Markup"/>: rows and cells are the bulk of a workbook, and building an SDK
/// element per cell, or even writing each through an XmlWriter, cost more than everything else together.
/// </summary>
internal sealed class SheetWriter : IDisposable
{
    private readonly Utf8Markup _xml;
    private readonly SheetLayout _layout;
    private readonly List<(int FirstColumn, uint FirstRow, int LastColumn, uint LastRow)> _merges = [];

    /// <param name="selected">The sheet a reader sees first.</param>
    /// <param name="leaveOpen">False to close <paramref name="part"/> with the writer: the zip takes the next entry only once this one is closed.</param>
    public SheetWriter(Stream part, SheetLayout layout, bool selected, bool leaveOpen = false)
    {
        _layout = layout;
        _xml = new Utf8Markup(part, leaveOpen);
        _xml.Markup("\uFEFF<?xml version=\"1.0\" encoding=\"utf-8\"?><x:worksheet xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"u8);
        if (layout.PrintsLandscape)
        {
            _xml.Markup("<x:sheetPr><x:pageSetUpPr fitToPage=\"1\" /></x:sheetPr>"u8);
        }

        WriteView(layout.FrozenRows, selected);
        _xml.Markup("<x:cols>"u8);
        for (var column = 1; column <= layout.ColumnWidths.Count; column++)
        {
            _xml.Markup("<x:col min=\""u8);
            _xml.Number(column);
            _xml.Markup("\" max=\""u8);
            _xml.Number(column);
            _xml.Markup("\" width=\""u8);
            _xml.Number(layout.ColumnWidths[column - 1]);
            _xml.Markup(layout.HiddenColumns.Contains(column - 1) ? "\" customWidth=\"1\" hidden=\"1\" />"u8 : "\" customWidth=\"1\" />"u8);
        }

        _xml.Markup("</x:cols><x:sheetData>"u8);
    }

    /// <summary>The number of the last row written, 0 before the first.</summary>
    public uint RowCount { get; private set; }

    /// <summary>Writes the next row from column A on; a cell spanning columns is merged with them.</summary>
    public void WriteRow(params ReadOnlySpan<CellContent> cells)
    {
        RowCount++;
        _xml.Markup("<x:row r=\""u8);
        _xml.Number(RowCount);
        if (RowHeights.Estimate(cells, _layout.ColumnWidths) is { } height)
        {
            _xml.Markup("\" ht=\""u8);
            _xml.Number(height);
        }

        _xml.Markup("\">"u8);
        var column = 0;
        foreach (var cell in cells)
        {
            WriteCell(column, cell);
            for (var covered = 1; covered < cell.Span; covered++)
            {
                // Covered cells keep the style, so borders run along the whole merged range.
                WriteCell(column + covered, CellContent.Empty(cell.Style));
            }

            if (cell.Span > 1)
            {
                Merge(column, RowCount, column + cell.Span - 1, RowCount);
            }

            column += cell.Span;
        }

        _xml.Markup("</x:row>"u8);
    }

    public void WriteEmptyRow() => RowCount++;

    /// <summary>Merges a range of the rows written so far; columns count from 0.</summary>
    public void Merge(int firstColumn, uint firstRow, int lastColumn, uint lastRow) =>
        _merges.Add((firstColumn, firstRow, lastColumn, lastRow));

    /// <summary>Ends the sheet, with an autofilter over the header row and every row below it if asked.</summary>
    /// <param name="autoFilterColumns">Columns from A the filter covers; 0 for no filter.</param>
    /// <param name="headerRow">The row, from 1, that carries the filter's buttons.</param>
    public void Finish(int autoFilterColumns = 0, uint headerRow = 1)
    {
        _xml.Markup("</x:sheetData>"u8);
        if (_layout.IsProtected)
        {
            // No password: the protection keeps people from typing over the context and the hidden columns by
            // mistake, it is no security (the upload checks every row against the database). A "0" allows the action.
            _xml.Markup("<x:sheetProtection sheet=\"1\" objects=\"1\" scenarios=\"1\" formatColumns=\"0\" formatRows=\"0\" sort=\"0\" autoFilter=\"0\" />"u8);
        }

        if (autoFilterColumns > 0)
        {
            _xml.Markup("<x:autoFilter ref=\""u8);
            WriteRange(0, headerRow, autoFilterColumns - 1, Math.Max(RowCount, headerRow));
            _xml.Markup("\" />"u8);
        }

        if (_merges.Count > 0)
        {
            _xml.Markup("<x:mergeCells count=\""u8);
            _xml.Number(_merges.Count);
            _xml.Markup("\">"u8);
            foreach (var (firstColumn, firstRow, lastColumn, lastRow) in _merges)
            {
                _xml.Markup("<x:mergeCell ref=\""u8);
                WriteRange(firstColumn, firstRow, lastColumn, lastRow);
                _xml.Markup("\" />"u8);
            }

            _xml.Markup("</x:mergeCells>"u8);
        }

        WriteLists();

        if (_layout.PrintsLandscape)
        {
            // A4 landscape, one page wide.
            _xml.Markup("<x:pageMargins left=\"0.5\" right=\"0.5\" top=\"0.6\" bottom=\"0.6\" header=\"0.3\" footer=\"0.3\" />"u8);
            _xml.Markup("<x:pageSetup paperSize=\"9\" fitToWidth=\"1\" fitToHeight=\"0\" orientation=\"landscape\" />"u8);
        }

        _xml.Markup("</x:worksheet>"u8);
        _xml.Flush();
    }

    public void Dispose() => _xml.Dispose();

    /// <summary>The drop-down lists of rows written, under their header; none on a sheet with no such row.</summary>
    private void WriteLists()
    {
        var lists = _layout.Lists.Where(l => l.FirstRow <= RowCount).ToList();
        if (lists.Count == 0)
        {
            return;
        }

        _xml.Markup("<x:dataValidations count=\""u8);
        _xml.Number(lists.Count);
        _xml.Markup("\">"u8);
        foreach (var list in lists)
        {
            _xml.Markup("<x:dataValidation type=\"list\" allowBlank=\"1\" showInputMessage=\"1\" showErrorMessage=\"1\" errorTitle=\"Not in the list\" error=\""u8);

            // Text escapes as element content does; the message can go in an attribute as it has no double quote.
            _xml.Text(list.Error);
            _xml.Markup("\" sqref=\""u8);
            WriteRange(list.Column, list.FirstRow, list.Column, RowCount);
            _xml.Markup("\"><x:formula1>"u8);
            _xml.Text(list.Formula);
            _xml.Markup("</x:formula1></x:dataValidation>"u8);
        }

        _xml.Markup("</x:dataValidations>"u8);
    }

    /// <summary>"A" for column 0, "Z", "AA"…, written as a cell reference's letters.</summary>
    private void WriteColumnName(int column)
    {
        Span<byte> letters = stackalloc byte[8];
        var start = letters.Length;
        for (var n = column + 1; n > 0; n = (n - 1) / 26)
        {
            letters[--start] = (byte)('A' + ((n - 1) % 26));
        }

        _xml.Markup(letters[start..]);
    }

    private void WriteReference(int column, uint row)
    {
        WriteColumnName(column);
        _xml.Number(row);
    }

    private void WriteRange(int firstColumn, uint firstRow, int lastColumn, uint lastRow)
    {
        WriteReference(firstColumn, firstRow);
        _xml.Markup(":"u8);
        WriteReference(lastColumn, lastRow);
    }

    private void WriteView(int frozenRows, bool selected)
    {
        _xml.Markup(selected ? "<x:sheetViews><x:sheetView tabSelected=\"1\" workbookViewId=\"0\""u8 : "<x:sheetViews><x:sheetView workbookViewId=\"0\""u8);
        if (frozenRows == 0)
        {
            _xml.Markup(" /></x:sheetViews>"u8);
            return;
        }

        var topLeft = (uint)frozenRows + 1;
        _xml.Markup("><x:pane ySplit=\""u8);
        _xml.Number(frozenRows);
        _xml.Markup("\" topLeftCell=\""u8);
        WriteReference(0, topLeft);
        _xml.Markup("\" activePane=\"bottomLeft\" state=\"frozen\" /><x:selection pane=\"bottomLeft\" activeCell=\""u8);
        WriteReference(0, topLeft);
        _xml.Markup("\" sqref=\""u8);
        WriteReference(0, topLeft);
        _xml.Markup("\" /></x:sheetView></x:sheetViews>"u8);
    }

    private void WriteCell(int column, CellContent content)
    {
        if (content.Kind == CellKind.Empty && content.Style == WorkbookStyles.Normal)
        {
            return;
        }

        _xml.Markup("<x:c r=\""u8);
        WriteReference(column, RowCount);
        if (content.Style != WorkbookStyles.Normal)
        {
            _xml.Markup("\" s=\""u8);
            _xml.Number(content.Style);
        }

        switch (content.Kind)
        {
            case CellKind.Text:
                _xml.Markup("\" t=\"inlineStr\"><x:is><x:t xml:space=\"preserve\">"u8);
                _xml.Text(CellText.Safe(content.Text!));
                _xml.Markup("</x:t></x:is></x:c>"u8);
                break;
            case CellKind.Number:
                _xml.Markup("\"><x:v>"u8);
                _xml.Number(content.Number);
                _xml.Markup("</x:v></x:c>"u8);
                break;
            default:
                _xml.Markup("\" />"u8);
                break;
        }
    }
}
