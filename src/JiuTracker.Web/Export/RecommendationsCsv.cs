using System.Globalization;
using System.Security.Claims;
using CsvHelper;
using JiuTracker.Web.Dashboard;
using JiuTracker.Web.Data;
using JiuTracker.Web.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace JiuTracker.Web.Export;

/// <summary>
/// <c>GET /export/recommendations.csv</c>: one RFC 4180 row per recommendation, for any signed-in user. It takes the
/// dashboard's filters and a figure (<c>?from=2020&amp;figure=Overdue</c>), so every number's rows can be exported.
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

    private static async Task<IResult> WriteAsync(
        HttpContext http, [AsParameters] RecommendationFilter filter, [FromQuery] string? figure,
        FilteredRecommendations filtered, JiuDbContext db, CancellationToken ct)
    {
        var problems = filter.Problems().Select(p => $"{p.Parameter}: {p.Message}").ToList();
        if (!FigureNames.TryParse(figure, out var chosen))
        {
            problems.Add($"figure: {FigureNames.UnknownMessage(figure)}");
        }

        if (problems.Count > 0)
        {
            return Results.Text($"The export was not made: {string.Join(" ", problems)}", statusCode: StatusCodes.Status400BadRequest);
        }

        var ids = filtered.Query(filter, chosen, http.User.FindFirstValue(ClaimTypes.NameIdentifier)).Select(f => f.Id);
        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = "attachment; filename=\"jiu-recommendations.csv\"";
        await using var csv = CsvWriter.Create(http.Response.Body, new CsvWriterOptions { Injection = CsvInjection.Escape });
        await csv.WriteRecordAsync(Header, ct);
        await foreach (var row in QueryRows(db, ids).AsAsyncEnumerable().WithCancellation(ct))
        {
            await csv.WriteRecordAsync(row.ToFields(), ct);
        }

        await csv.FlushAsync(ct);
        return Results.Empty;
    }

    private static IQueryable<Row> QueryRows(JiuDbContext db, IQueryable<int> ids) =>
        db.Recommendations.AsNoTracking()
            .Where(r => ids.Contains(r.Id))
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
            ReportYear.ToString(CultureInfo.InvariantCulture),
            Number.ToString(CultureInfo.InvariantCulture),
            Addressee.Code(),
            Acceptance?.Code() ?? "",
            Implementation?.Code() ?? "",
            DeadlineYear?.ToString(CultureInfo.InvariantCulture) ?? "",
            string.Join("; ", FocalPoints),
            string.Join(" | ", Comments),
            Text,
        ];
    }
}
