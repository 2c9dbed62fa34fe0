using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Claims;
using CsvHelper;
using JiuTracker.Web.Dashboard;
using JiuTracker.Web.Data;
using JiuTracker.Web.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace JiuTracker.Web.Export;

/// <summary>
/// <c>GET /export/recommendations.csv</c>: one RFC 4180 row per recommendation, for any signed-in user. It takes the
/// dashboard's filters and a figure (<c>?from=2020&amp;figure=Overdue</c>), so every number's rows can be exported.
/// Codes rather than labels, so figures can be recomputed from the file. Columns are only ever added at the end, so a
/// reader that goes by position keeps working.
/// </summary>
public static class RecommendationsCsv
{
    public const string Path = DashboardLinks.RowsCsvPath;

    public static readonly string[] Header =
    [
        "report_symbol", "report_title", "report_year", "recommendation_number", "addressee", "acceptance",
        "implementation", "deadline", "focal_points", "comments", "text", "implementation_claimed", "evidence_files",
    ];

    /// <summary>The <c>implementation_claimed</c> column: a claim awaiting validation as of the export (decision 032).</summary>
    public static string ClaimedCode(bool claimed) => claimed ? "yes" : "no";

    public static IEndpointConventionBuilder MapRecommendationsCsv(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(Path, WriteAsync);

    private static async Task<IResult> WriteAsync(
        HttpContext http, [AsParameters] RecommendationFilter filter, [FromQuery] string? figure, [FromQuery] DateOnly? asOf,
        FilteredRecommendations filtered, ExportSource source, JiuDbContext db, TimeProvider time, IOptions<DashboardOptions> options, CancellationToken ct)
    {
        var problems = filter.Problems().Select(p => $"{p.Parameter}: {p.Message}").ToList();
        if (!FigureNames.TryParse(figure, out var chosen))
        {
            problems.Add($"figure: {FigureNames.UnknownMessage(figure)}");
        }

        var scope = asOf is null ? null : AsOfScope(filter, asOf.Value, chosen, problems, time);
        problems.AddRange(await source.UnknownReportsAsync([filter.Report], ct));
        if (problems.Count == 0 && scope is not null && await source.NothingRecordedAsync(scope, ct) is { } nothing)
        {
            problems.Add(nothing);
        }

        if (problems.Count > 0)
        {
            return Results.Text($"The export was not made: {string.Join(" ", problems)}", statusCode: StatusCodes.Status400BadRequest);
        }

        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{(scope ?? new ExportScope()).FileName("jiu-recommendations", "csv", time)}\"";
        await using var csv = CsvWriter.Create(http.Response.Body, new CsvWriterOptions { Injection = CsvInjection.Escape });
        await csv.WriteRecordAsync(Header, ct);
        var rows = scope is null
            ? CurrentRowsAsync(db, filtered.Query(filter, chosen, http.User.FindFirstValue(ClaimTypes.NameIdentifier)), ct)
            : RowsAsOf(source, scope, filter, FigureDefinitions.ForDay(asOf!.Value, options.Value.StaleAfterMonths)[chosen], ct);
        await foreach (var row in rows.WithCancellation(ct))
        {
            await csv.WriteRecordAsync(row.ToFields(), ct);
        }

        await csv.FlushAsync(ct);
        return Results.Empty;
    }

    /// <summary>
    /// As of a day, the rows come from the history-rebuilt snapshots (see <see cref="RecommendationsAsOf"/>);
    /// filters that depend on today's assignments are refused.
    /// </summary>
    private static ExportScope AsOfScope(RecommendationFilter filter, DateOnly asOf, Figure figure, List<string> problems, TimeProvider time)
    {
        problems.AddRange(RecommendationsAsOf.Problems(filter, figure).Select(p => $"{p.Parameter}: {p.Message}"));
        var scope = RecommendationsAsOf.Scope(filter, asOf);
        problems.AddRange(scope.Problems(time));
        return scope;
    }

    private static async IAsyncEnumerable<Row> RowsAsOf(
        ExportSource source, ExportScope scope, RecommendationFilter filter, FigureDefinitions.Definition figure, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var (report, recommendation) in RecommendationsAsOf.RowsAsync(source, scope, filter, figure, ct))
        {
            yield return Row.From(report, recommendation);
        }
    }

    /// <summary>
    /// Today's rows: focal points and comments are read first with one flat query each, then the recommendations are
    /// streamed in order; three queries whatever the number of rows, none of them repeating the sort.
    /// </summary>
    private static async IAsyncEnumerable<Row> CurrentRowsAsync(JiuDbContext db, IQueryable<RecommendationFacts> facts, [EnumeratorCancellation] CancellationToken ct)
    {
        var ids = facts.Select(f => f.Id);
        var reportIds = facts.Select(f => f.ReportId);
        var focalPoints = await db.Reports.Where(r => reportIds.Contains(r.Id)).FocalPointsByReportAsync(ct);
        var comments = (await db.Comments.AsNoTracking()
            .Where(c => ids.Contains(c.RecommendationId))
            .OrderBy(c => c.RecommendationId).ThenBy(c => c.CreatedAt).ThenBy(c => c.Id)
            .Select(c => new { c.RecommendationId, c.Text })
            .ToListAsync(ct))
            .ToLookup(c => c.RecommendationId, c => c.Text);
        var recommendations = db.Recommendations.AsNoTracking()
            .Where(r => ids.Contains(r.Id))
            .InReportListOrder()
            .Select(r => new
            {
                r.Id, r.ReportId, r.Report.Symbol, r.Report.Title, r.Report.Year, r.Number, r.Addressee, r.Acceptance, r.Implementation, r.DeadlineYear, r.Text,
                Claimed = r.ClaimedAt != null, EvidenceFiles = r.Evidence.Count(e => e.Withdrawal == null),
            })
            .AsAsyncEnumerable();
        await foreach (var r in recommendations.WithCancellation(ct))
        {
            yield return new Row(
                r.Symbol, r.Title, r.Year, r.Number, r.Addressee, r.Acceptance, r.Implementation, r.DeadlineYear,
                [.. focalPoints[r.ReportId].Select(f => f.WithUnit)], [.. comments[r.Id]], r.Text, r.Claimed, r.EvidenceFiles);
        }
    }

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
        string Text,
        bool ImplementationClaimed,
        int EvidenceFiles)
    {
        public static Row From(ReportSnapshot report, RecommendationSnapshot recommendation) => new(
            report.Symbol, report.Title, report.Year, recommendation.Number, recommendation.Addressee, recommendation.Acceptance,
            recommendation.Implementation, recommendation.DeadlineYear, [.. report.FocalPoints.Select(f => f.WithUnit)],
            [.. recommendation.Comments.Select(c => c.Text)], recommendation.Text, recommendation.ImplementationClaimed, recommendation.EvidenceFiles);

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
            ClaimedCode(ImplementationClaimed),
            EvidenceFiles.ToString(CultureInfo.InvariantCulture),
        ];
    }
}
