using JiuTracker.Web.Export;
using JiuTracker.Web.Export.Workbook;

namespace JiuTracker.Web.Updates.Workbook;

/// <summary>
/// The update workbook a focal point downloads, fills in offline and uploads back: the "Update" sheet (see
/// <see cref="UpdateSheet"/> for its columns) and a "How to" sheet. Rows are streamed into the file as they are read,
/// with the auditors' workbook's package and sheet writers; memory never holds a sheet.
/// </summary>
public static class UpdateWorkbookWriter
{
    public const string ContentType = ActionRequiredWorkbook.ContentType;

    /// <param name="destination">Writable, e.g. a temporary file later copied to the response; left open.</param>
    /// <param name="title">Printed at the top of the "How to" sheet, e.g. the reports the workbook covers.</param>
    /// <param name="rows">Read once, in the order the rows are to appear.</param>
    public static async Task WriteAsync(Stream destination, string title, IAsyncEnumerable<UpdateWorkbookRow> rows, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(rows);

        using var package = new WorkbookPackage(destination, WorkbookStyles.Create(withProtectedSheetStyles: true));
        await UpdateWorksheet.WriteAsync(package, 0, rows, ct);
        HowToSheet.Write(package, 1, title);
        package.Finish([UpdateSheet.Name, HowToSheet.Name]);
    }
}
