using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using JiuTracker.Tests.Infrastructure;
using JiuTracker.Tests.Web;
using JiuTracker.Web.Api;
using JiuTracker.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace JiuTracker.Tests.Api;

/// <summary>
/// <c>PATCH /api/v1/recommendations/{id}</c> as each role, with the edit page's rules: a read-write token, the report's
/// focal points and administrators only, <c>If-Match</c> required and compared, rules and unchanged values as on the page,
/// and the history naming the user and the API token.
/// </summary>
public class ApiWritingTests(JiuTrackerFactory app) : IClassFixture<JiuTrackerFactory>
{
    [Fact]
    public async Task AFocalPointOfTheReport_RecordsStatusesAndAComment_AndGetsTheNewValuesAndETag_AndTheHistorySaysViaApi()
    {
        using var api = await app.ApiClientAsync(DemoAccounts.AndersNorsker, ApiTokenScope.ReadWrite);
        var id = await app.RecommendationIdAsync(SeedReports.Cybersecurity, 1);
        var etag = await api.ETagAsync(id);
        var dataVersion = await DataVersionAsync();

        var response = await api.PatchRecommendationAsync(id, """{"acceptance": "accepted", "implementation": "in-progress", "comment": "Policy drafted."}""", etag);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("accepted", answer.GetProperty("recommendation").GetProperty("acceptance").GetString());
        Assert.Equal("in-progress", answer.GetProperty("recommendation").GetProperty("implementation").GetString());
        Assert.Equal("Policy drafted.", answer.GetProperty("comments").EnumerateArray().Last().GetProperty("text").GetString());
        var stored = await app.QueryAsync(db => db.Recommendations.AsNoTracking().SingleAsync(r => r.Id == id));
        Assert.Equal((Acceptance.Accepted, ImplementationStatus.InProgress), (stored.Acceptance, stored.Implementation));
        Assert.Equal(RecommendationETag.Of(id, stored.Version), response.Headers.ETag!.ToString());
        Assert.NotEqual(etag, response.Headers.ETag!.ToString());
        Assert.NotEqual(dataVersion, await DataVersionAsync());

        var history = await api.GetFromJsonAsync<JsonElement>($"/api/v1/recommendations/{id}/history");
        var comment = history.EnumerateArray().Last(h => h.GetProperty("field").GetString() == nameof(HistoryField.Comment));
        Assert.Equal(DemoAccounts.AndersNorsker, comment.GetProperty("changedBy").GetString());
        Assert.StartsWith("API token jt_", comment.GetProperty("source").GetString(), StringComparison.Ordinal);
        var page = await (await app.SignedInClientAsync(DemoAccounts.Auditor)).GetDocumentAsync($"/Recommendations/History/{id}");
        Assert.Contains("via API token jt_", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    /// <summary>30 KB of UTF-8: more than the 16 KB a request without a sign-in may send, so the token must count as signed in.</summary>
    [Fact]
    public async Task TheLongestCommentInChinese_IsSaved()
    {
        using var api = await app.ApiClientAsync(DemoAccounts.AndersNorsker, ApiTokenScope.ReadWrite);
        var id = await app.RecommendationIdAsync(SeedReports.Cybersecurity, 1);
        var comment = new string('联', Comment.MaxLength);

        var response = await api.PatchRecommendationAsync(id, $"{{\"comment\": \"{comment}\"}}", await api.ETagAsync(id));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, await app.QueryAsync(db => db.Comments.CountAsync(c => c.RecommendationId == id && c.Text == comment)));
    }

    [Fact]
    public async Task AnAdministrator_RecordsOnAnyReport()
    {
        using var api = await app.ApiClientAsync(DemoAccounts.Admin, ApiTokenScope.ReadWrite);
        var id = await app.RecommendationIdAsync(SeedReports.Landlocked, 3);

        var response = await api.PatchRecommendationAsync(id, """{"comment": "Recorded by the secretariat."}""", await api.ETagAsync(id));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, await app.QueryAsync(db => db.Comments.CountAsync(c => c.RecommendationId == id && c.Text == "Recorded by the secretariat." && c.Author == DemoAccounts.Admin)));
    }

    [Theory]
    [InlineData(DemoAccounts.Management)]
    [InlineData(DemoAccounts.Auditor)]
    [InlineData(DemoAccounts.Coordinator)]
    [InlineData(DemoAccounts.CosmasZavazava)]
    public async Task AnyoneElse_IsRefusedWithAProblem_AndNothingIsSaved(string email)
    {
        using var api = await app.ApiClientAsync(email, ApiTokenScope.ReadWrite);
        var id = await app.RecommendationIdAsync(SeedReports.Cybersecurity, 2);
        var etag = await api.ETagAsync(id);
        var before = await app.RowCountsAsync();

        var response = await api.PatchRecommendationAsync(id, """{"comment": "Not mine to write."}""", etag);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"Only the focal points of {SeedReports.Cybersecurity} and administrators may change its recommendations.", await DetailAsync(response));
        Assert.Equal(before, await app.RowCountsAsync());
    }

    [Fact]
    public async Task AReadToken_IsRefused_SayingItsScopeOnlyReads()
    {
        using var api = await app.ApiClientAsync(DemoAccounts.AndersNorsker, ApiTokenScope.Read);
        var id = await app.RecommendationIdAsync(SeedReports.Cybersecurity, 2);
        var before = await app.RowCountsAsync();

        var response = await api.PatchRecommendationAsync(id, """{"comment": "Read only."}""", await api.ETagAsync(id));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("This token may only read", await DetailAsync(response), StringComparison.Ordinal);
        Assert.Equal(before, await app.RowCountsAsync());
    }

    [Fact]
    public async Task AChangeOnAnOlderVersion_Is412_WithTheStoredValuesAndTheirETag()
    {
        using var anders = await app.ApiClientAsync(DemoAccounts.AndersNorsker, ApiTokenScope.ReadWrite);
        using var preetam = await app.ApiClientAsync(DemoAccounts.PreetamMaloor, ApiTokenScope.ReadWrite);
        var id = await app.RecommendationIdAsync(SeedReports.Cybersecurity, 2);
        var etag = await anders.ETagAsync(id);
        Assert.Equal(HttpStatusCode.OK, (await preetam.PatchRecommendationAsync(id, """{"acceptance": "under-consideration", "implementation": null}""", etag)).StatusCode);
        var before = await app.RowCountsAsync();

        var response = await anders.PatchRecommendationAsync(id, """{"acceptance": "not-accepted", "implementation": null}""", etag);

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("under-consideration", problem.GetProperty("stored").GetProperty("recommendation").GetProperty("acceptance").GetString());
        var version = await app.QueryAsync(db => db.Recommendations.Where(r => r.Id == id).Select(r => r.Version).SingleAsync());
        Assert.Equal(RecommendationETag.Of(id, version), problem.GetProperty("etag").GetString());
        Assert.Equal(RecommendationETag.Of(id, version), response.Headers.ETag!.ToString());
        Assert.Equal(before, await app.RowCountsAsync());
        Assert.Equal(Acceptance.UnderConsideration, await app.QueryAsync(db => db.Recommendations.Where(r => r.Id == id).Select(r => r.Acceptance).SingleAsync()));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("*")]
    public async Task AChangeWithoutIfMatch_Is428_AndNothingIsSaved(string? ifMatch)
    {
        using var api = await app.ApiClientAsync(DemoAccounts.AndersNorsker, ApiTokenScope.ReadWrite);
        var id = await app.RecommendationIdAsync(SeedReports.Cybersecurity, 2);
        var before = await app.RowCountsAsync();

        var response = await api.PatchRecommendationAsync(id, """{"comment": "No version."}""", ifMatch);

        Assert.Equal((HttpStatusCode)428, response.StatusCode);
        Assert.Contains("as If-Match", await DetailAsync(response), StringComparison.Ordinal);
        Assert.Equal(before, await app.RowCountsAsync());
    }

    [Fact]
    public async Task ImplementationOnARecommendationNotAccepted_Is422NamingTheField_WithTheRulesMessage_AndNothingIsSaved()
    {
        using var api = await app.ApiClientAsync(DemoAccounts.RobinZuercher, ApiTokenScope.ReadWrite);
        var id = await app.RecommendationIdAsync(SeedReports.Environment, 4);
        var etag = await api.ETagAsync(id);
        var before = await app.RowCountsAsync();

        var response = await api.PatchRecommendationAsync(id, """{"acceptance": "not-accepted", "implementation": "in-progress", "comment": "Lost with the change."}""", etag);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.StartsWith("Implementation can only be recorded on an accepted recommendation", errors.GetProperty("implementation")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await app.RowCountsAsync());
    }

    [Fact]
    public async Task StatusesAsStored_SaveNothing_AndKeepTheETag()
    {
        using var api = await app.ApiClientAsync(DemoAccounts.RobinZuercher, ApiTokenScope.ReadWrite);
        var id = await app.RecommendationIdAsync(SeedReports.Environment, 5);
        var etag = await api.ETagAsync(id);
        var current = (await api.GetFromJsonAsync<JsonElement>($"/api/v1/recommendations/{id}")).GetProperty("recommendation");
        var (before, dataVersion) = (await app.RowCountsAsync(), await DataVersionAsync());

        var response = await api.PatchRecommendationAsync(id,
            $$"""{"acceptance": {{current.GetProperty("acceptance").GetRawText()}}, "implementation": {{current.GetProperty("implementation").GetRawText()}}, "comment": "  "}""", etag);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(etag, response.Headers.ETag!.ToString());
        Assert.Equal(before, await app.RowCountsAsync());
        Assert.Equal(dataVersion, await DataVersionAsync());
    }

    [Fact]
    public async Task Implemented_IsAClaimAwaitingValidation_AsOnThePage()
    {
        using var api = await app.ApiClientAsync(DemoAccounts.RobinZuercher, ApiTokenScope.ReadWrite);
        var id = await app.QueryAsync(db => db.Recommendations
            .Where(r => r.Report.Symbol == SeedReports.Environment && r.Acceptance == Acceptance.Accepted && r.Implementation != ImplementationStatus.Implemented && r.ClaimedAt == null)
            .OrderBy(r => r.Number).Select(r => r.Id).FirstAsync());

        var response = await api.PatchRecommendationAsync(id, """{"acceptance": "accepted", "implementation": "implemented"}""", await api.ETagAsync(id));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var item = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("recommendation");
        Assert.True(item.GetProperty("implementationClaimed").GetBoolean());
        Assert.NotEqual("implemented", item.GetProperty("implementation").GetString());
    }

    [Fact]
    public async Task ARevokedToken_IsRefused_AndNothingIsSaved()
    {
        var token = await app.ApiTokenAsync(DemoAccounts.AndersNorsker, ApiTokenScope.ReadWrite);
        using var api = app.ApiClient(token);
        var id = await app.RecommendationIdAsync(SeedReports.Cybersecurity, 2);
        var etag = await api.ETagAsync(id);
        await app.RevokeApiTokenAsync(DemoAccounts.AndersNorsker, token);
        var before = await app.RowCountsAsync();

        var response = await api.PatchRecommendationAsync(id, """{"comment": "After revocation."}""", etag);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("unknown, expired or revoked", await DetailAsync(response), StringComparison.Ordinal);
        Assert.Equal(before, await app.RowCountsAsync());
    }

    private Task<string> DataVersionAsync() =>
        app.QueryAsync(async db => JsonSerializer.Serialize(await db.DataVersion.AsNoTracking().ToListAsync()));

    private static async Task<string?> DetailAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString();
}
