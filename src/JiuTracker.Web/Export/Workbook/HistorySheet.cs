using JiuTracker.Web.Domain;
using static JiuTracker.Web.Export.Workbook.CellContent;

namespace JiuTracker.Web.Export.Workbook;

/// <summary>
/// Every change, with the history CSV's columns for people: the field's name and its values as labels ("Accepted",
/// "In progress"), where the CSV keeps the codes history keeps; times are UTC.
/// </summary>
internal static class HistorySheet
{
    private static readonly DataColumns Columns = new(
    [
        ("When (UTC)", 19), ("Who", 26), ("Report", 16), ("Recommendation", 15), ("Field", 20), ("Old value", 40), ("New value", 40), ("Source", 30),
    ]);

    public static IReadOnlyList<string> Header => Columns.Headings;

    public static async Task WriteAsync(WorkbookPackage package, int position, IAsyncEnumerable<HistoryRow> history, CancellationToken ct)
    {
        using var sheet = package.AddSheet(position, Columns.Layout);
        sheet.WriteRow(Columns.HeaderRow);
        await foreach (var row in history.WithCancellation(ct))
        {
            sheet.WriteRow(
                DateTimeOf(row.At),
                TextOf(row.By, WorkbookStyles.Top),
                TextOf(row.ReportSymbol, WorkbookStyles.Top),
                NumberOf(row.RecommendationNumber, WorkbookStyles.Top),
                TextOf(row.Field.Label(), WorkbookStyles.Wrapped),
                TextOf(StatusVocabulary.LabelOfCode(row.Field, row.OldValue), WorkbookStyles.Wrapped),
                TextOf(StatusVocabulary.LabelOfCode(row.Field, row.NewValue), WorkbookStyles.Wrapped),
                TextOf(row.Source, WorkbookStyles.Wrapped));
        }

        sheet.Finish(autoFilterColumns: Header.Count);
    }
}
