using static JiuTracker.Web.Export.Workbook.CellContent;

namespace JiuTracker.Web.Export.Workbook;

/// <summary>
/// The columns of a data sheet (Recommendations, History): headings people read, widths that fit them and their
/// values, and one layout for both: the header row frozen and printed on every page of A4 landscape.
/// </summary>
internal sealed class DataColumns(IReadOnlyList<(string Heading, double Width)> columns)
{
    public IReadOnlyList<string> Headings { get; } = [.. columns.Select(c => c.Heading)];

    public SheetLayout Layout { get; } = new([.. columns.Select(c => c.Width)], FrozenRows: 1, PrintsLandscape: true) { PrintTitleRows = 1 };

    /// <summary>The header row, bold and wrapped, so a heading longer than its column's values takes two lines.</summary>
    public CellContent[] HeaderRow => [.. Headings.Select(h => TextOf(h, WorkbookStyles.MatrixHeader))];
}
