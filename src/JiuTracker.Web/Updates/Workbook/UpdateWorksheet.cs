using JiuTracker.Web.Domain;
using JiuTracker.Web.Export.Workbook;
using static JiuTracker.Web.Export.Workbook.CellContent;

namespace JiuTracker.Web.Updates.Workbook;

/// <summary>
/// The "Update" sheet: a bold header, then one row per recommendation streamed as read. Protected, with only the
/// editable cells of rows that take a status unlocked; the acceptance and implementation cells offer their labels in
/// a drop-down list; the hidden columns keep which recommendation the row is and what it was when downloaded.
/// </summary>
internal static class UpdateWorksheet
{
    private const uint FirstDataRow = 2;

    private static readonly SheetLayout Layout = new(UpdateColumns.Widths, FrozenRows: 1, PrintsLandscape: true)
    {
        HiddenColumns = UpdateSheet.Hidden.Select(UpdateColumns.IndexOf).ToHashSet(),
        IsProtected = true,
        Lists =
        [
            new(UpdateColumns.IndexOf(UpdateSheet.Acceptance), FirstDataRow, [.. Enum.GetValues<Acceptance>().Select(a => a.Label())]),
            new(UpdateColumns.IndexOf(UpdateSheet.Implementation), FirstDataRow, [.. Enum.GetValues<ImplementationStatus>().Select(i => i.Label())]),
        ],
        PrintTitleRows = 1,
    };

    public static async Task WriteAsync(WorkbookPackage package, int position, IAsyncEnumerable<UpdateWorkbookRow> rows, CancellationToken ct)
    {
        using var sheet = package.AddSheet(position, Layout);
        sheet.WriteRow([.. UpdateSheet.Columns.Select(h => TextOf(h, WorkbookStyles.Bold))]);
        var cells = new CellContent[UpdateColumns.Count];
        await foreach (var row in rows.WithCancellation(ct))
        {
            UpdateColumns.Write(row, cells);
            sheet.WriteRow(cells);
        }

        sheet.Finish(autoFilterColumns: UpdateColumns.Count);
    }
}
