namespace JiuTracker.Web.Export.Workbook;

/// <param name="ColumnWidths">In characters of the default font, from column A on.</param>
/// <param name="FrozenRows">Rows kept in view while scrolling (the header); 0 for none.</param>
/// <param name="PrintsLandscape">Printed on A4 landscape, scaled to one page wide, as the document's matrices are.</param>
internal sealed record SheetLayout(IReadOnlyList<double> ColumnWidths, int FrozenRows = 0, bool PrintsLandscape = false)
{
    /// <summary>Columns, counted from 0, written hidden.</summary>
    public IReadOnlySet<int> HiddenColumns { get; init; } = new HashSet<int>();

    /// <summary>
    /// Protects the sheet so only cells of an unlocked style (<see cref="WorkbookStyles.Editable"/>) can be changed;
    /// formatting columns and rows, sorting and filtering stay allowed.
    /// </summary>
    public bool IsProtected { get; init; }

    /// <summary>Drop-down lists, each over its column from its first row to the sheet's last.</summary>
    public IReadOnlyList<ListValidation> Lists { get; init; } = [];

    /// <summary>Rows from the top printed again on every page (the header); 0 for none.</summary>
    public int PrintTitleRows { get; init; }
}
