namespace JiuTracker.Web.Export.Workbook;

/// <param name="ColumnWidths">In characters of the default font, from column A on.</param>
/// <param name="FrozenRows">Rows kept in view while scrolling (the header); 0 for none.</param>
/// <param name="PrintsLandscape">Printed on A4 landscape, scaled to one page wide, as the document's matrices are.</param>
internal sealed record SheetLayout(IReadOnlyList<double> ColumnWidths, int FrozenRows = 0, bool PrintsLandscape = false);
