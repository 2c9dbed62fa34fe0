using JiuTracker.Web.Domain;
using JiuTracker.Web.Export.Workbook;
using static JiuTracker.Web.Export.Workbook.CellContent;

namespace JiuTracker.Web.Updates.Workbook;

/// <summary>
/// How each of <see cref="UpdateSheet.Columns"/> is written: its width and its cell for a row. The columns come in the
/// contract's order, whatever the order here.
/// </summary>
internal static class UpdateColumns
{
    public const string InformationOnlyNote = "For information only: no acceptance or implementation to report.";

    private static readonly Dictionary<string, (double Width, Func<UpdateWorkbookRow, CellContent> Cell)> ByHeader = new()
    {
        [UpdateSheet.Report] = (16, r => TextOf(r.ReportSymbol, WorkbookStyles.Top)),
        [UpdateSheet.Recommendation] = (16, r => NumberOf(r.Number, WorkbookStyles.Top)),
        [UpdateSheet.Acceptance] = (20, r => TextOf(r.Acceptance?.Label(), InputStyle(r))),
        [UpdateSheet.Implementation] = (16, r => TextOf(r.Implementation?.Label(), InputStyle(r))),
        [UpdateSheet.NewComment] = (40, r => Empty(InputStyle(r))),
        [UpdateSheet.Text] = (70, r => TextOf(r.InformationOnly ? $"{InformationOnlyNote}\n{r.Text}" : r.Text, WorkbookStyles.Wrapped)),
        [UpdateSheet.Addressee] = (18, r => TextOf(r.Addressee.Label(), WorkbookStyles.Wrapped)),
        [UpdateSheet.Deadline] = (10, r => NumberOf(r.DeadlineYear, WorkbookStyles.Top)),
        [UpdateSheet.CurrentComments] = (50, r => TextOf(r.CurrentComments, WorkbookStyles.Wrapped)),
        [UpdateSheet.LastChange] = (20, r => DateTimeOf(r.LastChangedAt) with { Style = WorkbookStyles.TopDateTime }),
        [UpdateSheet.Id] = (10, r => NumberOf(r.Id, WorkbookStyles.Top)),
        [UpdateSheet.Version] = (10, r => NumberOf(r.Version, WorkbookStyles.Top)),
        [UpdateSheet.DownloadedAcceptance] = (20, r => TextOf(r.Acceptance?.Code(), WorkbookStyles.Top)),
        [UpdateSheet.DownloadedImplementation] = (14, r => TextOf(r.Implementation?.Code(), WorkbookStyles.Top)),
    };

    private static readonly Func<UpdateWorkbookRow, CellContent>[] Cells = [.. UpdateSheet.Columns.Select(h => ByHeader[h].Cell)];

    public static int Count => UpdateSheet.Columns.Count;

    public static IReadOnlyList<double> Widths { get; } = [.. UpdateSheet.Columns.Select(h => ByHeader[h].Width)];

    public static int IndexOf(string header) => UpdateSheet.Columns.ToList().IndexOf(header);

    /// <summary>Fills <paramref name="cells"/>, one per column, with the row's cells.</summary>
    public static void Write(UpdateWorkbookRow row, Span<CellContent> cells)
    {
        for (var column = 0; column < Cells.Length; column++)
        {
            cells[column] = Cells[column](row);
        }
    }

    /// <summary>An information-only recommendation takes no status nor comment from the workbook.</summary>
    private static uint InputStyle(UpdateWorkbookRow row) => row.InformationOnly ? WorkbookStyles.NotEditable : WorkbookStyles.Editable;
}
