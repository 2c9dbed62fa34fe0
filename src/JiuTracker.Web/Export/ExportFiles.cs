using JiuTracker.Web.Dashboard;
using JiuTracker.Web.Data;
using JiuTracker.Web.Export.Document;
using JiuTracker.Web.Settings;
using JiuTracker.Web.Trends;
using Microsoft.Extensions.Options;

namespace JiuTracker.Web.Export;

/// <summary>
/// Writes the "Action required" Word document and the workbook for a scope: the one way both are made, for the export
/// addresses and for the copies a follow-up round freezes when it closes.
/// </summary>
public sealed class ExportFiles(
    ExportSource source, StatusTrend trend, JiuDbContext db, TimeProvider time, IOptions<OrganizationOptions> organization, IOptions<DashboardOptions> dashboard)
{
    public const string DocumentContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public async Task WriteDocumentAsync(Stream stream, ExportScope scope, CancellationToken ct)
    {
        var reports = await source.ReportListAsync(scope, ct);
        var content = new DocumentContent(organization.Value.ShortName, scope.Date(time), reports, () => source.ReportsAsync(scope, ct));
        await ActionRequiredDocument.WriteAsync(stream, content, ct);
    }

    public async Task WriteWorkbookAsync(Stream stream, ExportScope scope, CancellationToken ct)
    {
        var day = scope.Date(time);
        var reports = source.ReportsInScope(scope);
        var points = await trend.CountAsync(
            RecommendationFacts.QueryIncludingWithdrawn(db).Where(f => reports.Any(r => r.Id == f.ReportId)),
            new TrendPeriod { TrendTo = day.Year }.Ends(day), dashboard.Value.StaleAfterMonths, ct);
        await ActionRequiredWorkbook.WriteAsync(stream, new WorkbookContent(
            organization.Value.ShortName,
            day,
            scope.Describe(),
            () => source.ReportsAsync(scope, ct),
            () => source.HistoryAsync(scope),
            FigureDefinitions.ForDay(day, dashboard.Value.StaleAfterMonths),
            points), ct);
    }
}
