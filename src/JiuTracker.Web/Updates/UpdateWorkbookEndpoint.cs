using JiuTracker.Web.Export;
using JiuTracker.Web.Security;
using JiuTracker.Web.Settings;
using JiuTracker.Web.Updates.Workbook;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace JiuTracker.Web.Updates;

/// <summary>
/// The update workbook to fill in offline: a focal point's own reports (all of them, or those the scope names), or for
/// an administrator any scope of the exports page. Asking for a report the user may not edit is refused, not ignored.
/// </summary>
public static class UpdateWorkbookEndpoint
{
    public const string Path = "/export/update-workbook.xlsx";

    public static IEndpointRouteBuilder MapUpdateWorkbook(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Path, SendAsync).RequireAuthorization(Policies.RecordStatuses);
        return endpoints;
    }

    /// <summary>The download's address for one report.</summary>
    public static string ForReport(string symbol) => $"{Path}?report={Uri.EscapeDataString(symbol)}";

    private static async Task<IResult> SendAsync(
        HttpContext http, [AsParameters] ExportScope scope, EditableReports editableReports, UpdateWorkbookSource source, ExportSource exports,
        TimeProvider time, IOptions<OrganizationOptions> organization, CancellationToken ct)
    {
        var problems = scope.Problems(time).ToList();
        problems.AddRange(await exports.UnknownReportsAsync(scope.Symbols, ct));
        if (scope.AsOf is not null)
        {
            problems.Add("asOf: an update workbook holds the statuses as they are now; leave the day out.");
        }

        if (problems.Count > 0)
        {
            return Results.Text($"The update workbook was not made: {string.Join(" ", problems)}", statusCode: StatusCodes.Status400BadRequest);
        }

        var editable = await editableReports.ForAsync(http.User, ct);
        if (editable.Reports is { } own && scope.Symbols.Count > 0)
        {
            var named = await ReportIdsAsync(exports, scope, ct);
            var foreign = named.Where(r => !own.Contains(r.Id)).Select(r => r.Symbol).ToList();
            if (foreign.Count > 0)
            {
                return Results.Text(
                    $"The update workbook was not made: you may update only your own reports, and {string.Join(", ", foreign)} is not one of them.",
                    statusCode: StatusCodes.Status403Forbidden);
            }
        }

        var day = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var title = $"{organization.Value.ShortName}: update of JIU recommendations ({scope.Describe()} As downloaded on {day:yyyy-MM-dd} by {http.User.Identity!.Name})";
        await using var file = TemporaryFile.Create();
        await UpdateWorkbookWriter.WriteAsync(file, title, source.RowsAsync(scope, editable, ct), ct);
        file.Position = 0;
        http.Response.ContentType = UpdateWorkbookWriter.ContentType;
        http.Response.ContentLength = file.Length;
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"jiu-update-{day:yyyy-MM-dd}.xlsx\"";
        await file.CopyToAsync(http.Response.Body, ct);
        return Results.Empty;
    }

    private static Task<List<ReportKey>> ReportIdsAsync(ExportSource exports, ExportScope scope, CancellationToken ct) =>
        exports.ReportsInScope(scope).Select(r => new ReportKey(r.Id, r.Symbol)).ToListAsync(ct);

    private sealed record ReportKey(int Id, string Symbol);
}
