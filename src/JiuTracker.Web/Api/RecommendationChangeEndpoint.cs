using JiuTracker.Web.Data;
using JiuTracker.Web.Domain;
using JiuTracker.Web.Security;
using JiuTracker.Web.Updates;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace JiuTracker.Web.Api;

/// <summary>
/// <c>PATCH /api/v1/recommendations/{id}</c>: a focal point of the report, or an administrator, records acceptance,
/// implementation and a new comment with a read-write token, on the version its <c>If-Match</c> names (decision 043).
/// The change goes through <see cref="RecommendationSave"/>, the edit page's save, so it follows the same rules; its
/// history entries carry the token's owner and "API token …" as their source.
/// </summary>
public static class RecommendationChangeEndpoint
{
    public static void MapRecommendationChange(this RouteGroupBuilder api) =>
        api.MapPatch("/recommendations/{id:int}", ChangeAsync).WithName("changeRecommendation").WithTags(ApiDocument.RecommendationsTag)
            .RequireAuthorization(ApiServiceCollectionExtensions.WritePolicy)
            .WithJsonBody<RecommendationChange>("What to change: a property left out keeps its stored value.", "application/merge-patch+json", "application/json")
            .Produces<ApiEndpoints.RecommendationDetails>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired)
            .WithRequestHeader("If-Match", "The ETag of the recommendation as read (GET), so a change made on an older version is refused with 412.", required: true)
            .WithResponseHeader(StatusCodes.Status200OK, "ETag", "The recommendation's new version.")
            .WithResponseHeader(StatusCodes.Status412PreconditionFailed, "ETag", "The version stored now.")
            .WithSummary("Records acceptance, implementation and a new comment (read-write token; the report's focal points and administrators)");

    private static async Task<IResult> ChangeAsync(
        int id, HttpContext http, JiuDbContext db, RecommendationSave save, IAuthorizationService authorization, TimeProvider time, CancellationToken ct)
    {
        var recommendation = await db.Recommendations.InForce().Include(r => r.Report).SingleOrDefaultAsync(r => r.Id == id, ct);
        if (recommendation is null)
        {
            return ApiProblems.NotFound($"There is no recommendation {id} in force.");
        }

        if (!(await authorization.AuthorizeAsync(http.User, new EditedReport(recommendation.ReportId), Policies.EditReport)).Succeeded)
        {
            return ApiProblems.Forbidden($"Only the focal points of {recommendation.Report.Symbol} and administrators may change its recommendations.");
        }

        var ifMatch = RecommendationETag.Read(http.Request.Headers.IfMatch, id);
        switch (ifMatch.Kind)
        {
            case RecommendationETag.IfMatchKind.Missing or RecommendationETag.IfMatchKind.Any:
                return ApiProblems.Status(StatusCodes.Status428PreconditionRequired, "If-Match required",
                    $"Send the recommendation's ETag (from GET {ApiEndpoints.Root}/recommendations/{id}) as If-Match, so that a change made on an older version is refused. Nothing was saved.");
            case RecommendationETag.IfMatchKind.Unreadable:
                return ApiProblems.BadBody([("If-Match", $"\"{Printable(http.Request.Headers.IfMatch.ToString())}\" is not an entity tag; send the ETag as it was given, quotes included.")]);
        }

        var (body, refusal) = await ReadBodyAsync(http.Request, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        var (change, problems) = RecommendationChange.Read(body);
        if (change is null)
        {
            return ApiProblems.BadBody(problems);
        }

        var version = ifMatch.Versions!.Contains(recommendation.Version) ? recommendation.Version : -1;
        var outcome = await save.SaveAsync(recommendation, version,
            change.SetsAcceptance ? change.Acceptance : recommendation.Acceptance,
            change.SetsImplementation ? change.Implementation : recommendation.StatedImplementation,
            change.Comment, StampOf(http, time), ct);
        if (outcome.Result == RecommendationSaveResult.RuleBroken)
        {
            var field = change.SetsImplementation ? RecommendationChange.ImplementationProperty : RecommendationChange.AcceptanceProperty;
            return ApiProblems.BadBody([(field, outcome.Rule!)], StatusCodes.Status422UnprocessableEntity);
        }

        db.ChangeTracker.Clear();
        var (details, stored) = (await ApiEndpoints.CurrentDetailsAsync(db, id, ct))!.Value;
        http.Response.Headers.ETag = RecommendationETag.Of(id, stored);
        if (outcome.Result == RecommendationSaveResult.Stale)
        {
            return ApiProblems.Status(StatusCodes.Status412PreconditionFailed, "Changed since",
                "Someone saved this recommendation after the version your If-Match names, so nothing was saved. Its stored values are in \"stored\" and its version in \"etag\"; " +
                "send the change again with that ETag to replace them.",
                new Dictionary<string, object?> { ["etag"] = RecommendationETag.Of(id, stored), ["stored"] = details });
        }

        return Results.Ok(details);
    }

    /// <summary>The token's owner and this request's time; the source names the token, so the history says "via API token …".</summary>
    private static ChangeStamp StampOf(HttpContext http, TimeProvider time) =>
        new(http.User.Identity!.Name!, time.GetUtcNow(), http.User.FindFirst(ApiTokenAuthentication.SourceClaim)?.Value);

    /// <summary>The body, read up to <see cref="RecommendationChange.MaxBodyBytes"/>; or the problem with its type or size.</summary>
    private static async Task<(ReadOnlyMemory<byte> Body, IResult? Refusal)> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        var type = request.ContentType?.Split(';')[0].Trim();
        if (!string.Equals(type, "application/json", StringComparison.OrdinalIgnoreCase) && !string.Equals(type, "application/merge-patch+json", StringComparison.OrdinalIgnoreCase))
        {
            return (default, ApiProblems.Status(StatusCodes.Status415UnsupportedMediaType, "Not JSON",
                $"Send the change as JSON (Content-Type: application/merge-patch+json or application/json), not {(type is null ? "without a Content-Type" : $"as \"{Printable(type)}\"")}. Nothing was saved."));
        }

        var tooLarge = ApiProblems.Status(StatusCodes.Status413PayloadTooLarge, "Body too large",
            $"The body may have at most {RecommendationChange.MaxBodyBytes / 1024} KB; a comment at most {Comment.MaxLength:N0} characters. Nothing was saved.");
        if (request.ContentLength > RecommendationChange.MaxBodyBytes)
        {
            return (default, tooLarge);
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > RecommendationChange.MaxBodyBytes)
            {
                return (default, tooLarge);
            }
        }

        return (buffer.ToArray(), null);
    }

    private static string Printable(string text) => new([.. text.Take(100).Select(c => char.IsControl(c) ? '?' : c)]);
}
