using JiuTracker.Web.Domain;
using static JiuTracker.Web.Export.Workbook.CellContent;

namespace JiuTracker.Web.Export.Workbook;

/// <summary>
/// One row per recommendation with the CSV's columns, codes and joins, plus the withdrawal date; years, numbers and
/// dates are typed cells, so the sheet sorts and filters like the data it is.
/// </summary>
internal static class RecommendationsSheet
{
    public const string WithdrawnColumn = "withdrawn";

    public static readonly string[] Header = [.. RecommendationsCsv.Header, WithdrawnColumn];

    private static readonly SheetLayout Layout = new([16, 50, 12, 22, 18, 20, 16, 10, 40, 60, 80, 12], FrozenRows: 1);

    public static async Task WriteAsync(WorkbookPackage package, IAsyncEnumerable<ReportSnapshot> reports, CancellationToken ct)
    {
        using var sheet = package.NextSheet(Layout);
        sheet.WriteRow([.. Header.Select(h => TextOf(h, WorkbookStyles.Bold))]);
        await foreach (var report in reports.WithCancellation(ct))
        {
            var focalPoints = string.Join("; ", report.FocalPoints.Select(f => f.WithUnit));
            foreach (var recommendation in report.Recommendations)
            {
                WriteRow(sheet, report, focalPoints, recommendation);
            }
        }

        sheet.Finish(autoFilterColumns: Header.Length);
    }

    private static void WriteRow(SheetWriter sheet, ReportSnapshot report, string focalPoints, RecommendationSnapshot recommendation) =>
        sheet.WriteRow(
            TextOf(report.Symbol),
            TextOf(report.Title),
            NumberOf(report.Year),
            NumberOf(recommendation.Number),
            TextOf(recommendation.Addressee.Code()),
            TextOf(recommendation.Acceptance?.Code()),
            TextOf(recommendation.Implementation?.Code()),
            NumberOf(recommendation.DeadlineYear),
            TextOf(focalPoints),
            TextOf(string.Join(" | ", recommendation.Comments.Select(c => c.Text))),
            TextOf(recommendation.Text),
            DateOf(recommendation.WithdrawnAt is { } at ? DateOnly.FromDateTime(at.UtcDateTime) : null));
}
