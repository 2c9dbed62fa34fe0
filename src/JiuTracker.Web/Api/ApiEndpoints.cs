using System.ComponentModel;
using System.Globalization;
using System.Security.Claims;
using JiuTracker.Web.Dashboard;
using JiuTracker.Web.Data;
using JiuTracker.Web.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace JiuTracker.Web.Api;

/// <summary>
/// <c>/api/v1</c>, for other systems: the reports, the recommendations with the dashboard's filters and figures, a
/// recommendation's comments and history, and the dashboard's figures — read with a personal access token, with the
/// pages' definitions (decision 041). Lists come <see cref="PageSize"/> items a page in the pages' order, with the
/// address of the next page.
/// </summary>
public static class ApiEndpoints
{
    public const string Root = "/api/v1";

    public const int PageSize = 100;

    public static IEndpointRouteBuilder MapApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup(Root).RequireAuthorization(ApiServiceCollectionExtensions.ReadPolicy).RequireRateLimiting(ApiRateLimiting.Policy).DisableAntiforgery();
        api.MapGet("/reports", ReportsAsync).WithName("listReports").WithTags(ApiDocument.ReportsTag)
            .Produces<ListPage<ReportItem>>().ProducesValidationProblem().WithSummary("The reports, with their focal points, in the list's order");
        api.MapGet("/recommendations", RecommendationsAsync).WithName("listRecommendations").WithTags(ApiDocument.RecommendationsTag)
            .Produces<ListPage<RecommendationItem>>().ProducesValidationProblem().WithSummary("The recommendations of a filter and figure, in the reports' order");
        api.MapGet("/recommendations/{id:int}", RecommendationAsync).WithName("getRecommendation").WithTags(ApiDocument.RecommendationsTag)
            .Produces<RecommendationDetails>().ProducesProblem(StatusCodes.Status404NotFound).WithSummary("A recommendation with its text and comments")
            .WithResponseHeader(StatusCodes.Status200OK, "ETag", "The recommendation's version, to send back as If-Match with a change.");
        api.MapRecommendationChange();
        api.MapGet("/recommendations/{id:int}/history", HistoryAsync).WithName("getRecommendationHistory").WithTags(ApiDocument.RecommendationsTag)
            .Produces<IReadOnlyList<HistoryItem>>().ProducesProblem(StatusCodes.Status404NotFound).WithSummary("A recommendation's history, oldest first");
        api.MapGet("/figures", FiguresAsync).WithName("getFigures").WithTags(ApiDocument.FiguresTag)
            .Produces<FiguresItem>().ProducesValidationProblem().WithSummary("The dashboard's figures and rates for a filter");
        api.ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status429TooManyRequests);
        endpoints.MapOpenApi(ApiDocument.Path);
        return endpoints;
    }

    private static async Task<IResult> ReportsAsync(HttpContext http, [FromQuery] int? page, [FromQuery, Description(AsOfReads.ReportsDescription)] string? asOf, JiuDbContext db, CancellationToken ct)
    {
        List<(string, string)> problems = [.. PageProblem(page) is { } problem ? [problem] : Array.Empty<(string, string)>()];
        if (asOf is not null)
        {
            problems.Add(("asOf", AsOfReads.ReportsRefusal));
        }

        if (problems.Count > 0)
        {
            return ApiProblems.BadQuery(problems);
        }

        var number = page ?? 1;
        var total = await db.Reports.CountAsync(ct);
        var reports = await db.Reports.AsNoTracking().InListOrder().Skip((number - 1) * PageSize).Take(PageSize)
            .Select(r => new { r.Id, r.Symbol, r.Title, r.Year, r.CebComments, r.CebCommentsReference, r.ReviewHighlightsUrl, InForce = r.Recommendations.Count(x => x.WithdrawnAt == null) })
            .ToListAsync(ct);
        var ids = reports.Select(r => r.Id).ToList();
        var focalPoints = await db.Reports.Where(r => ids.Contains(r.Id)).FocalPointsByReportAsync(ct);
        return Results.Ok(new ListPage<ReportItem>(
            [.. reports.Select(r => new ReportItem(r.Id, r.Symbol, r.Title, r.Year, r.CebComments.ToString(), r.CebCommentsReference, r.ReviewHighlightsUrl, r.InForce,
                [.. focalPoints[r.Id].Select(f => new FocalPointItem(f.Title, f.Name, f.Unit))]))],
            number, PageSize, total, NextPage(http, number, total)));
    }

    private static async Task<IResult> RecommendationsAsync(
        HttpContext http, [AsParameters] RecommendationFilter filter, [FromQuery] string? figure, [FromQuery] int? page, [FromQuery, Description(AsOfReads.Description)] DateOnly? asOf,
        FilteredRecommendations filtered, AsOfReads asOfReads, CancellationToken ct)
    {
        var problems = filter.Problems().ToList();
        if (!FigureNames.TryParse(figure, out var chosen))
        {
            problems.Add(("figure", FigureNames.UnknownMessage(figure)));
        }

        if (PageProblem(page) is { } pageProblem)
        {
            problems.Add(pageProblem);
        }

        if (problems.Count > 0)
        {
            return ApiProblems.BadQuery(problems);
        }

        var number = page ?? 1;
        if (asOf is { } day)
        {
            return await asOfReads.RecommendationsAsync(http, filter, chosen, number, day, ct);
        }

        var facts = filtered.Query(filter, chosen, http.User.FindFirstValue(ClaimTypes.NameIdentifier));
        var total = await facts.CountAsync(ct);
        var rows = await facts.InListOrder().Skip((number - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        return Results.Ok(new ListPage<RecommendationItem>([.. rows.Select(RecommendationItem.Of)], number, PageSize, total, NextPage(http, number, total)));
    }

    private static async Task<IResult> RecommendationAsync(int id, [FromQuery, Description(AsOfReads.Description)] DateOnly? asOf, HttpContext http, JiuDbContext db, AsOfReads asOfReads, CancellationToken ct)
    {
        if (asOf is { } day)
        {
            // A past state is not a version to change: no ETag.
            return await asOfReads.RecommendationAsync(id, day, ct);
        }

        if (await CurrentDetailsAsync(db, id, ct) is not var (details, version))
        {
            return ApiProblems.NotFound($"There is no recommendation {id} in force.");
        }

        http.Response.Headers.ETag = RecommendationETag.Of(id, version);
        return Results.Ok(details);
    }

    /// <summary>A recommendation in force as stored now, and the version its <c>ETag</c> names; null when there is none.</summary>
    internal static async Task<(RecommendationDetails Details, int Version)?> CurrentDetailsAsync(JiuDbContext db, int id, CancellationToken ct)
    {
        var facts = await RecommendationFacts.Query(db).AsNoTracking().SingleOrDefaultAsync(f => f.Id == id, ct);
        if (facts is null)
        {
            return null;
        }

        var stored = await db.Recommendations.Where(r => r.Id == id).Select(r => new { r.Text, r.Version }).SingleAsync(ct);
        var comments = await db.Comments.AsNoTracking().Where(c => c.RecommendationId == id)
            .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
            .Select(c => new CommentItem(c.Text, c.Author, c.CreatedAt))
            .ToListAsync(ct);
        return (new RecommendationDetails(RecommendationItem.Of(facts), stored.Text, comments), stored.Version);
    }

    private static async Task<IResult> HistoryAsync(int id, [FromQuery, Description(AsOfReads.Description)] DateOnly? asOf, JiuDbContext db, TimeProvider time, CancellationToken ct)
    {
        if (asOf is { } day && AsOfRange.Problem(day, time) is { } outside)
        {
            return ApiProblems.BadQuery([("asOf", outside)]);
        }

        if (!await RecommendationFacts.Query(db).AnyAsync(f => f.Id == id, ct))
        {
            return ApiProblems.NotFound($"There is no recommendation {id} in force.");
        }

        var cutoff = asOf is { } end ? DayEnd.Of(end) : (DateTimeOffset?)null;
        var entries = await db.History.AsNoTracking().Where(h => h.RecommendationId == id && (cutoff == null || h.ChangedAt < cutoff))
            .OrderBy(h => h.ChangedAt).ThenBy(h => h.Id)
            .Select(h => new HistoryItem(h.Field.ToString(), h.OldValue, h.NewValue, h.ChangedBy, h.ChangedAt, h.Source))
            .ToListAsync(ct);
        return Results.Ok(entries);
    }

    private static async Task<IResult> FiguresAsync(
        HttpContext http, [AsParameters] RecommendationFilter filter, [FromQuery, Description(AsOfReads.Description)] DateOnly? asOf, DashboardData data, FigureDefinitions definitions, AsOfReads asOfReads, CancellationToken ct)
    {
        var problems = filter.Problems();
        if (problems.Count > 0)
        {
            return ApiProblems.BadQuery(problems);
        }

        if (asOf is { } day)
        {
            return await asOfReads.FiguresAsync(filter, day, ct);
        }

        var totals = (await data.LoadAsync(filter, http.User.FindFirstValue(ClaimTypes.NameIdentifier), ct)).Totals;
        return Results.Ok(FiguresItem.Of(definitions.Today, totals, definitions, Enum.GetValues<Figure>()));
    }

    private static (string Parameter, string Message)? PageProblem(int? page) =>
        page is < 1 ? ("page", "Pages are numbered from 1.") : null;

    /// <summary>This request's address with the next page's number, or null on the last page.</summary>
    internal static string? NextPage(HttpContext http, int page, int total)
    {
        if (page * PageSize >= total)
        {
            return null;
        }

        var query = http.Request.Query.Where(q => q.Key != "page").ToDictionary(q => q.Key, q => (string?)q.Value.ToString());
        query["page"] = (page + 1).ToString(CultureInfo.InvariantCulture);
        return http.Request.Path + QueryString.Create(query);
    }

    public sealed record ListPage<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total, string? Next);

    public sealed record FocalPointItem(string Title, string Name, string Unit);

    public sealed record ReportItem(
        int Id, string Symbol, string Title, int Year, string CebComments, string? CebCommentsReference, string? ReviewHighlightsUrl,
        int Recommendations, IReadOnlyList<FocalPointItem> FocalPoints);

    /// <param name="Acceptance">The code, as in the CSV (<c>accepted</c>), or null when none is recorded.</param>
    /// <param name="DataQualityWarning">Implementation recorded without the recommendation being recorded as accepted.</param>
    public sealed record RecommendationItem(
        int Id, string Report, int Number, string Addressee, string? Acceptance, string? Implementation, bool ImplementationClaimed,
        int? Deadline, bool InformationOnly, bool DataQualityWarning, DateTimeOffset? LastChangedAt)
    {
        public static RecommendationItem Of(RecommendationFacts f) => new(
            f.Id, f.ReportSymbol, f.Number, f.Addressee.Code(), f.Acceptance?.Code(), f.Implementation?.Code(), f.IsImplementationClaimed,
            f.DeadlineYear, f.IsInformationOnly, f.Implementation != null && f.Acceptance != Domain.Acceptance.Accepted, f.LastChangedAt);
    }

    public sealed record CommentItem(string Text, string Author, DateTimeOffset CreatedAt);

    public sealed record RecommendationDetails(RecommendationItem Recommendation, string Text, IReadOnlyList<CommentItem> Comments);

    public sealed record HistoryItem(string Field, string? OldValue, string? NewValue, string ChangedBy, DateTimeOffset ChangedAt, string? Source);

    public sealed record RateItem(int Numerator, int Denominator, double? Percent, string Definition);

    public sealed record FigureItem(string Name, string Label, int Count, string Definition);

    /// <param name="Today">The day the figures are taken at: today, or the as-of day.</param>
    public sealed record FiguresItem(DateOnly Today, RateItem AcceptanceRate, RateItem ImplementationRate, IReadOnlyList<FigureItem> Figures)
    {
        public static FiguresItem Of(DateOnly day, FigureCounts totals, FigureDefinitions definitions, IEnumerable<Figure> figures) => new(
            day,
            new RateItem(totals.AcceptanceRate.Numerator, totals.AcceptanceRate.Denominator, totals.AcceptanceRate.Percent, RateDefinitions.AcceptanceRateMeaning),
            new RateItem(totals.ImplementationRate.Numerator, totals.ImplementationRate.Denominator, totals.ImplementationRate.Percent, RateDefinitions.ImplementationRateMeaning),
            [.. figures.Select(f => new FigureItem(f.ToString(), definitions[f].Label, totals[f], definitions[f].Meaning))]);
    }
}
