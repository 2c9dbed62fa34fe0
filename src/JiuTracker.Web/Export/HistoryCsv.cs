using System.Globalization;
using CsvHelper;

namespace JiuTracker.Web.Export;

/// <summary>Every change in scope, oldest first: the same columns as the workbook's History sheet.</summary>
public static class HistoryCsv
{
    public static readonly string[] Header = ["when", "who", "report_symbol", "recommendation_number", "field", "old_value", "new_value"];

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
            ], ct);
        }

        await csv.FlushAsync(ct);
    }
}
