using static JiuTracker.Web.Export.Workbook.CellContent;

namespace JiuTracker.Web.Export.Workbook;

/// <summary>Every change, with the history CSV's columns: values are the codes history keeps, times are UTC.</summary>
internal static class HistorySheet
{
    private static readonly string[] Header = HistoryCsv.Header;

    private static readonly SheetLayout Layout = new([20, 30, 16, 22, 16, 40, 40, 40], FrozenRows: 1);

    public static async Task WriteAsync(WorkbookPackage package, int position, IAsyncEnumerable<HistoryRow> history, CancellationToken ct)
    {
        using var sheet = package.AddSheet(position, Layout);
        sheet.WriteRow([.. Header.Select(h => TextOf(h, WorkbookStyles.Bold))]);
        await foreach (var row in history.WithCancellation(ct))
        {
            sheet.WriteRow(
                DateTimeOf(row.At),
                TextOf(row.By),
                TextOf(row.ReportSymbol),
                NumberOf(row.RecommendationNumber),
                TextOf(FieldName(row.Field)),
                TextOf(row.OldValue),
                TextOf(row.NewValue),
                TextOf(row.Source));
        }

        sheet.Finish(autoFilterColumns: Header.Length);
    }

    /// <summary>"acceptance", "implementation", "comment"…: the field's name in lower case, as the history CSV writes it.</summary>
    public static string FieldName(Domain.HistoryField field) => field.ToString().ToLowerInvariant();
}
