using System.Net.Http.Json;
using System.Text.Json;
using JiuTracker.Tests.Infrastructure;
using JiuTracker.Tests.Web;

namespace JiuTracker.Tests.Api;

/// <summary>The OpenAPI document describes exactly the API's operations, and the answers have the properties it documents.</summary>
public class ApiDocumentTests(JiuTrackerFactory app) : IClassFixture<JiuTrackerFactory>
{
    [Fact]
    public async Task EveryApiOperation_IsDocumented_AndEveryDocumentedOperationExists()
    {
        var document = await DocumentAsync();

        var documented = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(operation => $"{operation.Name.ToUpperInvariant()} {path.Name}"))
            .Order().ToList();
        var mapped = (await AppEndpoints.AllAsync(app.Services))
            .Where(e => e.Page.StartsWith("/api/", StringComparison.Ordinal))
            .Select(e => $"{e.Method} {e.Page.Replace("{id:int}", "{id}", StringComparison.Ordinal)}")
            .Order().ToList();
        Assert.Equal(mapped, documented);
        Assert.Equal("bearer", document.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiToken").GetProperty("scheme").GetString());
    }

    [Theory]
    [InlineData("/api/v1/reports", "/api/v1/reports")]
    [InlineData("/api/v1/recommendations?report=JIU/REP/2020/8", "/api/v1/recommendations")]
    [InlineData("/api/v1/figures", "/api/v1/figures")]
    [InlineData("/api/v1/recommendations/{id}", "/api/v1/recommendations/{id}")]
    public async Task EachAnswer_HasThePropertiesItsDocumentedSchemaNames(string url, string path)
    {
        var document = await DocumentAsync();
        using var api = await app.ApiClientAsync(DemoAccounts.Auditor);
        var id = await app.RecommendationIdAsync(DemoAccounts.EnvironmentReport, 1);

        var answer = await api.GetFromJsonAsync<JsonElement>(url.Replace("{id}", id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));

        var schema = Resolve(document, document.GetProperty("paths").GetProperty(path).GetProperty("get")
            .GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("schema"));
        var documented = schema.GetProperty("properties").EnumerateObject().Select(p => p.Name).Order().ToList();
        Assert.Equal(documented, answer.EnumerateObject().Select(p => p.Name).Order().ToList());
    }

    private static readonly string[] ChangeAnswers = ["200", "400", "401", "403", "404", "412", "413", "415", "422", "428", "429"];
    private static readonly string[] ChangeMediaTypes = ["application/merge-patch+json", "application/json"];

    [Fact]
    public async Task TheChange_DocumentsItsBodyIfMatchAndAnswers_AndAnswersInItsDocumentedSchema()
    {
        var document = await DocumentAsync();
        using var api = await app.ApiClientAsync(DemoAccounts.Admin, JiuTracker.Web.Api.ApiTokenScope.ReadWrite);
        var id = await app.RecommendationIdAsync(DemoAccounts.EnvironmentReport, 2);

        var response = await api.PatchRecommendationAsync(id, "{}", await api.ETagAsync(id));

        var patch = document.GetProperty("paths").GetProperty("/api/v1/recommendations/{id}").GetProperty("patch");
        foreach (var mediaType in ChangeMediaTypes)
        {
            var body = Resolve(document, patch.GetProperty("requestBody").GetProperty("content").GetProperty(mediaType).GetProperty("schema"));
            Assert.Equal(["acceptance", "comment", "implementation"], body.GetProperty("properties").EnumerateObject().Select(p => p.Name).Order());
        }

        var ifMatch = patch.GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "If-Match");
        Assert.Equal(("header", true), (ifMatch.GetProperty("in").GetString(), ifMatch.GetProperty("required").GetBoolean()));
        var answers = patch.GetProperty("responses").EnumerateObject().Select(r => r.Name).ToList();
        Assert.Empty(ChangeAnswers.Except(answers));
        Assert.True(patch.GetProperty("responses").GetProperty("200").GetProperty("headers").TryGetProperty("ETag", out _));
        var schema = Resolve(document, patch.GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("schema"));
        Assert.Equal(schema.GetProperty("properties").EnumerateObject().Select(p => p.Name).Order(), (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateObject().Select(p => p.Name).Order());
    }

    [Theory]
    [InlineData("/api/v1/recommendations")]
    [InlineData("/api/v1/recommendations/{id}")]
    [InlineData("/api/v1/recommendations/{id}/history")]
    [InlineData("/api/v1/figures")]
    [InlineData("/api/v1/reports")]
    public async Task EachReadThatTakesAsOf_DocumentsIt(string path)
    {
        var document = await DocumentAsync();

        var asOf = document.GetProperty("paths").GetProperty(path).GetProperty("get").GetProperty("parameters").EnumerateArray()
            .Single(p => p.GetProperty("name").GetString() == "asOf");

        Assert.Equal("query", asOf.GetProperty("in").GetString());
        Assert.False(string.IsNullOrWhiteSpace(asOf.GetProperty("description").GetString()));
    }

    private async Task<JsonElement> DocumentAsync()
    {
        var client = await app.SignedInClientAsync(DemoAccounts.Auditor);
        return await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
    }

    private static JsonElement Resolve(JsonElement document, JsonElement schema) =>
        schema.TryGetProperty("$ref", out var reference)
            ? document.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!.Split('/')[^1])
            : schema;
}
