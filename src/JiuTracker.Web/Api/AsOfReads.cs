using JiuTracker.Web.Dashboard;
using JiuTracker.Web.Data;
using JiuTracker.Web.Domain;
using JiuTracker.Web.Export;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using static JiuTracker.Web.Api.ApiEndpoints;

namespace JiuTracker.Web.Api;

/// <summary>
/// The API's reads with <c>asOf</c>: the statuses and comments at the end of that day (UTC), from the exports' snapshots
/// (<see cref="RecommendationsAsOf"/>, rebuilt from the history), with the exports' rules and messages for the day.
/// </summary>
public sealed class AsOfReads(JiuDbContext db, ExportSource source, TimeProvider time, IOptions<DashboardOptions> options)
{
    /// <summary>The <c>asOf</c> parameter, as the OpenAPI document describes it.</summary>
    public const string Description =
        "YYYY-MM-DD: the statuses and comments at the end of that day (UTC), rebuilt from the history as the exports do; from 1990-01-01 to today. " +
        "Not with focalPoint or mine, nor with a figure about today.";

    public const string ReportsDescription = "Refused with a 400 problem: the reports cannot be read as of a day (their CEB comments and focal points have no history).";

    public const string ReportsRefusal =
        "the reports cannot be read as of a day: their CEB comments and focal points are kept as they are now, with no history to rebuild them from. " +
        "Read the recommendations or the figures as of the day instead.";

    public async Task<IResult> RecommendationsAsync(HttpContext http, RecommendationFilter filter, Figure figure, int page, DateOnly day, CancellationToken ct)
    {
        var scope = RecommendationsAsOf.Scope(filter, day);
        if (await ProblemsAsync(filter, figure, scope, day, ct) is { Count: > 0 } problems)
        {
            return ApiProblems.BadQuery(problems);
        }

        var definition = FigureDefinitions.ForDay(day, options.Value.StaleAfterMonths)[figure];
        var skip = (page - 1) * PageSize;
        var items = new List<RecommendationItem>(PageSize);
        var total = 0;
        await foreach (var (report, recommendation) in RecommendationsAsOf.RowsAsync(source, scope, filter, definition, ct))
        {
            if (total >= skip && items.Count < PageSize)
            {
                items.Add(RecommendationItem.Of(SnapshotFacts.Of(report, recommendation)));
            }

            total++;
        }

        return Results.Ok(new ListPage<RecommendationItem>(items, page, PageSize, total, NextPage(http, page, total)));
    }

    public async Task<IResult> RecommendationAsync(int id, DateOnly day, CancellationToken ct)
    {
        if (AsOfRange.Problem(day, time) is { } outside)
        {
            return ApiProblems.BadQuery([("asOf", outside)]);
        }

        var symbol = await db.Recommendations.Where(r => r.Id == id).Select(r => r.Report.Symbol).SingleOrDefaultAsync(ct);
        if (symbol is null)
        {
            return ApiProblems.NotFound($"There is no recommendation {id}.");
        }

        await foreach (var report in source.ReportsAsync(new ExportScope { Report = [symbol], AsOf = day }.ForReader(mayReadWithdrawn: false), ct))
        {
            if (report.Recommendations.FirstOrDefault(r => r.Id == id) is { } found)
            {
                return Results.Ok(new RecommendationDetails(
                    RecommendationItem.Of(SnapshotFacts.Of(report, found)), found.Text, [.. found.Comments.Select(c => new CommentItem(c.Text, c.Author, c.CreatedAt))]));
            }
        }

        return ApiProblems.NotFound($"Recommendation {id} was not registered, or was already withdrawn, at the end of {day:yyyy-MM-dd}.");
    }

    public async Task<IResult> FiguresAsync(RecommendationFilter filter, DateOnly day, CancellationToken ct)
    {
        var scope = RecommendationsAsOf.Scope(filter, day);
        if (await ProblemsAsync(filter, Figure.All, scope, day, ct) is { Count: > 0 } problems)
        {
            return ApiProblems.BadQuery(problems);
        }

        var definitions = FigureDefinitions.ForDay(day, options.Value.StaleAfterMonths);
        var facts = new List<RecommendationFacts>();
        await foreach (var (report, recommendation) in RecommendationsAsOf.RowsAsync(source, scope, filter, definitions[Figure.All], ct))
        {
            facts.Add(SnapshotFacts.Of(report, recommendation));
        }

        // As the workbook's summary: the figures about today (no recent update, needs attention…) are not taken as of a day.
        return Results.Ok(FiguresItem.Of(day, FigureCounts.Of(facts, definitions), definitions, Enum.GetValues<Figure>().Where(f => !FigureDefinitions.IsAboutToday(f))));
    }

    /// <summary>The exports' refusals, keyed <c>asOf</c>: filters of today's assignments, figures about today, a day out of range or before anything was recorded.</summary>
    private async Task<List<(string Parameter, string Message)>> ProblemsAsync(RecommendationFilter filter, Figure figure, ExportScope scope, DateOnly day, CancellationToken ct)
    {
        var problems = RecommendationsAsOf.Problems(filter, figure).ToList();
        if (AsOfRange.Problem(day, time) is { } outside)
        {
            problems.Add(("asOf", outside));
        }
        else if (problems.Count == 0 && await source.NothingRecordedAsync(scope, ct) is { } nothing)
        {
            problems.Add(("asOf", nothing));
        }

        return problems;
    }
}
