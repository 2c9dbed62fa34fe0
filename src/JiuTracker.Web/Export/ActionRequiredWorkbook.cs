using JiuTracker.Web.Dashboard;
using JiuTracker.Web.Export.Workbook;

namespace JiuTracker.Web.Export;

/// <param name="OrganizationName">The organization's short name, e.g. "ITU", from configuration.</param>
/// <param name="AsOf">The day the statuses are taken at, printed on the summary sheet.</param>
/// <param name="ScopeDescription">The filter used, in words, e.g. "Reports of 2020–2021", printed on the summary sheet.</param>
/// <param name="Reports">Called once per pass over the reports (three in all); each call runs the query again.</param>
/// <param name="History">Called once, for the last sheet.</param>
/// <param name="Figures">Definitions whose "today" is the as-of day.</param>
public sealed record WorkbookContent(
    string OrganizationName,
    DateOnly AsOf,
    string ScopeDescription,
    Func<IAsyncEnumerable<ReportSnapshot>> Reports,
    Func<IAsyncEnumerable<HistoryRow>> History,
    FigureDefinitions Figures);

/// <summary>
/// The auditors' workbook: a summary of the dashboard's figures, one sheet per report laid out as the document's matrix,
/// a flat "Recommendations" sheet and a "History" sheet. Rows are streamed into the file: memory holds one batch of
/// reports and one small fact row per recommendation (to count the figures), never a sheet.
/// </summary>
public static class ActionRequiredWorkbook
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <param name="destination">Writable and seekable, e.g. a temporary file later copied to the response; left open.</param>
    public static async Task WriteAsync(Stream destination, WorkbookContent content, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(content);

        // The summary comes first but needs every recommendation, and the zip takes one part at a time: count first.
        var outline = await WorkbookOutline.ReadAsync(content, ct);
        using var package = WorkbookPackage.Create(destination, [SheetNames.Summary, .. outline.ReportSheets, SheetNames.Recommendations, SheetNames.History]);

        SummarySheet.Write(package, content, outline.Counts);
        var index = 0;
        await foreach (var report in content.Reports().WithCancellation(ct))
        {
            outline.CheckSameReport(index++, report.Symbol);
            ReportSheet.Write(package, report, content.OrganizationName);
        }

        outline.CheckReportCount(index);
        await RecommendationsSheet.WriteAsync(package, content.Reports(), ct);
        await HistorySheet.WriteAsync(package, content.History(), ct);
    }
}
