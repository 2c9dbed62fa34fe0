using System.Globalization;
using CsvHelper;

namespace JiuTracker.Web.Export;

/// <summary>Every change in scope, oldest first: the same columns as the workbook's History sheet.</summary>
public static class HistoryCsv
{
    /// <summary>The columns, the History sheet's too; <c>source</c> says how a change came in (a workbook upload), empty when typed in the app.</summary>
    public static readonly string[] Header = ["when", "who", "report_symbol", "recommendation_number", "field", "old_value", "new_value", "source"];

    public static async Task WriteAsync(Stream destination, IAsyncEnumerable<HistoryRow> history, CancellationToken ct)
    {
        await using var csv = CsvWriter.Create(destination, new CsvWriterOptions { Injection = CsvInjection.Escape }, leaveOpen: true);
        await csv.WriteRecordAsync(Header, ct);
        await foreach (var row in history.WithCancellation(ct))
        {
            await csv.WriteRecordAsync(
            [
                row.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                row.By,
                row.ReportSymbol,
                row.RecommendationNumber.ToString(CultureInfo.InvariantCulture),
                row.Field.ToString().ToLowerInvariant(),
                row.OldValue ?? "",
                row.NewValue ?? "",
                row.Source ?? "",
            ], ct);
        }

        await csv.FlushAsync(ct);
    }
}
