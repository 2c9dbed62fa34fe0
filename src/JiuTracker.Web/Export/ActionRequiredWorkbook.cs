using JiuTracker.Web.Dashboard;
using JiuTracker.Web.Export.Workbook;

namespace JiuTracker.Web.Export;

/// <param name="OrganizationName">The organization's short name, e.g. "ITU", from configuration.</param>
/// <param name="AsOf">The day the statuses are taken at, printed on the summary sheet.</param>
/// <param name="ScopeDescription">The filter used, in words, e.g. "Reports of 2020–2021", printed on the summary sheet.</param>
/// <param name="Reports">Called once: every sheet but the history is written in one pass over the reports.</param>
/// <param name="History">Called once, for the last sheet.</param>
/// <param name="Figures">Definitions whose "today" is the as-of day.</param>
public sealed record WorkbookContent(
    string OrganizationName,
    DateOnly AsOf,
    string ScopeDescription,
    Func<IAsyncEnumerable<ReportSnapshot>> Reports,
    Func<IAsyncEnumerable<HistoryRow>> History,
    FigureDefinitions Figures,
    IReadOnlyList<Trends.TrendPoint> Trend);

/// <summary>
/// The auditors' workbook: a summary of the dashboard's figures, one sheet per report laid out as the document's matrix,
/// a flat "Recommendations" sheet and a "History" sheet. Rows are streamed into the file: memory holds one batch of
/// reports and one small fact row per recommendation (to count the figures), never a sheet. The reports are read
/// once; each is written to its own sheet and to the flat sheet, which goes to a temporary file until the reports'
/// sheets are done.
/// </summary>
public static class ActionRequiredWorkbook
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <param name="destination">Writable, e.g. a temporary file later copied to the response; left open.</param>
    public static async Task WriteAsync(Stream destination, WorkbookContent content, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(content);

        // Sheet positions: the summary first, then one per report in the order read, the flat sheet and the history.
        using var package = new WorkbookPackage(destination);
        var outline = new WorkbookOutline();
        using (var recommendations = new RecommendationsSheet())
        {
            await foreach (var report in content.Reports().WithCancellation(ct))
            {
                outline.Add(report);
                ReportSheet.Write(package, outline.ReportCount, report, content.OrganizationName);
                recommendations.Add(report);
            }

            recommendations.CopyTo(package, outline.ReportCount + 1);
        }

        await HistorySheet.WriteAsync(package, outline.ReportCount + 2, content.History(), ct);
        SummarySheet.Write(package, content, outline.Counts(content.Figures));
        package.Finish(outline.SheetNames);
    }
}
