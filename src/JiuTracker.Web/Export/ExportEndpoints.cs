using JiuTracker.Web.Security;

namespace JiuTracker.Web.Export;

/// <summary>
/// The exports, for every signed-in user, each holding what that user may read: withdrawn recommendations only for
/// auditors and administrators. All take an <see cref="ExportScope"/> from the query string, "as of" included.
/// </summary>
public static class ExportEndpoints
{
    public const string HistoryCsvPath = "/export/history.csv";
    public const string DocumentPath = "/export/action-required.docx";
    public const string WorkbookPath = "/export/jiu-status.xlsx";

    public static IEndpointRouteBuilder MapExports(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapRecommendationsCsv();
        endpoints.MapGet(HistoryCsvPath, HistoryAsync);
        endpoints.MapGet(DocumentPath, DocumentAsync);
        endpoints.MapGet(WorkbookPath, WorkbookAsync);
        return endpoints;
    }

    private static Task<IResult> HistoryAsync(HttpContext http, [AsParameters] ExportScope scope, ExportSource source, TimeProvider time, CancellationToken ct) =>
        SendAsync(http, scope, time, "text/csv; charset=utf-8", scope.FileName("jiu-history", "csv", time),
            stream => HistoryCsv.WriteAsync(stream, source.HistoryAsync(scope), ct), ct);

    private static Task<IResult> DocumentAsync(HttpContext http, [AsParameters] ExportScope scope, ExportFiles files, TimeProvider time, CancellationToken ct) =>
        SendAsync(http, scope, time, ExportFiles.DocumentContentType, scope.FileName("jiu-status", "docx", time),
            stream => files.WriteDocumentAsync(stream, scope, ct), ct);

    private static Task<IResult> WorkbookAsync(HttpContext http, [AsParameters] ExportScope scope, ExportFiles files, TimeProvider time, CancellationToken ct) =>
        SendAsync(http, scope, time, ActionRequiredWorkbook.ContentType, scope.FileName("jiu-status", "xlsx", time),
            stream => files.WriteWorkbookAsync(stream, scope, ct), ct);

    /// <summary>
    /// Writes the file to a temporary file first (Open XML packages need a seekable stream), then sends it: a refused
    /// scope gets a 400 with the reasons before anything is written.
    /// </summary>
    private static async Task<IResult> SendAsync(
        HttpContext http, ExportScope scope, TimeProvider time, string contentType, string fileName, Func<Stream, Task> write, CancellationToken ct)
    {
        var problems = scope.Problems(time);
        if (problems.Count > 0)
        {
            return Results.Text($"The export was not made: {string.Join(" ", problems)}", statusCode: StatusCodes.Status400BadRequest);
        }

        scope.ForReader(ExportReaders.MayReadWithdrawn(http.User));
        await using var file = TemporaryFile.Create();
        await write(file);
        file.Position = 0;
        http.Response.ContentType = contentType;
        http.Response.ContentLength = file.Length;
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        await file.CopyToAsync(http.Response.Body, ct);
        return Results.Empty;
    }
}
