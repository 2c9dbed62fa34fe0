using CsvHelper;
using JiuTracker.Web.Data;
using JiuTracker.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace JiuTracker.Web.Export;

/// <summary>
/// <c>GET /export/recommendations.csv</c>: one RFC 4180 row per recommendation, for any signed-in user.
/// Codes rather than labels, so figures can be recomputed from the file.
/// </summary>
public static class RecommendationsCsv
{
    public const string Path = "/export/recommendations.csv";

    public static readonly string[] Header =
    [
        "report_symbol", "report_title", "report_year", "recommendation_number", "addressee", "acceptance",
        "implementation", "deadline", "focal_points", "comments", "text",
    ];

    public static IEndpointConventionBuilder MapRecommendationsCsv(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(Path, WriteAsync);

    private static async Task WriteAsync(HttpContext http, JiuDbContext db, CancellationToken ct)
    {
        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = "attachment; filename=\"jiu-recommendations.csv\"";

        await using var csv = CsvWriter.Create(http.Response.Body, new CsvWriterOptions { Injection = CsvInjection.Escape });
        await csv.WriteRecordAsync(Header, ct);
        await foreach (var row in QueryRows(db).AsAsyncEnumerable().WithCancellation(ct))
        {
            await csv.WriteRecordAsync(row.ToFields(), ct);
        }

        await csv.FlushAsync(ct);
    }

    private static IQueryable<Row> QueryRows(JiuDbContext db) =>
        db.Recommendations.AsNoTracking()
            .InForce()
            .OrderByDescending(r => r.Report.Year).ThenByDescending(r => r.Report.Number).ThenBy(r => r.Report.Symbol).ThenBy(r => r.Number)
            .Select(r => new Row(
                r.Report.Symbol,
                r.Report.Title,
                r.Report.Year,
                r.Number,
                r.Addressee,
                r.Acceptance,
                r.Implementation,
                r.DeadlineYear,
                r.Report.FocalPoints.OrderBy(f => f.Name).Select(f => f.Name + " (" + f.Unit + ")").ToList(),
                r.Comments.OrderBy(c => c.CreatedAt).ThenBy(c => c.Id).Select(c => c.Text).ToList(),
                r.Text))
            .AsSplitQuery();

    private sealed record Row(
        string ReportSymbol,
        string ReportTitle,
        int ReportYear,
        int Number,
        Addressee Addressee,
        Acceptance? Acceptance,
        ImplementationStatus? Implementation,
        int? DeadlineYear,
        List<string> FocalPoints,
        List<string> Comments,
        string Text)
    {
        public string[] ToFields() =>
        [
            ReportSymbol,
            ReportTitle,
            ReportYear.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Addressee.Code(),
            Acceptance?.Code() ?? "",
            Implementation?.Code() ?? "",
            DeadlineYear?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
            string.Join("; ", FocalPoints),
            string.Join(" | ", Comments),
            Text,
        ];
    }
}
