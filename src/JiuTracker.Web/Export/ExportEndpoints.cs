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

    /// <summary>Each file's name before its date, as its address names it, so the Word and Excel files never share one.</summary>
    public const string HistoryFileStem = "jiu-history";
    public const string DocumentFileStem = "action-required";
    public const string WorkbookFileStem = "jiu-status";

    private static Task<IResult> HistoryAsync(HttpContext http, [AsParameters] ExportScope scope, ExportSource source, TimeProvider time, CancellationToken ct) =>
        SendAsync(http, scope, source, time, "text/csv; charset=utf-8", scope.FileName(HistoryFileStem, "csv", time),
            stream => HistoryCsv.WriteAsync(stream, source.HistoryAsync(scope), ct), ct);

    private static Task<IResult> DocumentAsync(HttpContext http, [AsParameters] ExportScope scope, ExportSource source, ExportFiles files, TimeProvider time, CancellationToken ct) =>
        SendAsync(http, scope, source, time, ExportFiles.DocumentContentType, scope.FileName(DocumentFileStem, "docx", time),
            stream => files.WriteDocumentAsync(stream, scope, ct), ct);

    private static Task<IResult> WorkbookAsync(HttpContext http, [AsParameters] ExportScope scope, ExportSource source, ExportFiles files, TimeProvider time, CancellationToken ct) =>
        SendAsync(http, scope, source, time, ActionRequiredWorkbook.ContentType, scope.FileName(WorkbookFileStem, "xlsx", time),
            stream => files.WriteWorkbookAsync(stream, scope, ct), ct);

    /// <summary>
    /// Writes the file to a temporary file first (Open XML packages need a seekable stream), then sends it: a refused
    /// scope gets a 400 with the reasons before anything is written, a report symbol no report has among them.
    /// </summary>
    private static async Task<IResult> SendAsync(
        HttpContext http, ExportScope scope, ExportSource source, TimeProvider time, string contentType, string fileName, Func<Stream, Task> write, CancellationToken ct)
    {
        List<string> problems = [.. scope.Problems(time), .. await source.UnknownReportsAsync(scope.Symbols, ct)];
        if (problems.Count == 0 && await source.NothingRecordedAsync(scope, ct) is { } nothing)
        {
            problems.Add(nothing);
        }

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
