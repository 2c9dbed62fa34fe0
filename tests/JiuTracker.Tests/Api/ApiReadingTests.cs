using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using JiuTracker.Tests.Dashboard;
using JiuTracker.Tests.Infrastructure;
using JiuTracker.Tests.Web;
using JiuTracker.Web.Dashboard;
using Microsoft.EntityFrameworkCore;

namespace JiuTracker.Tests.Api;

/// <summary>What the API gives, on the seed, against what the pages and the database give.</summary>
public class ApiReadingTests(JiuTrackerFactory app) : IClassFixture<JiuTrackerFactory>
{
    [Fact]
    public async Task TheFigures_AreTheDashboardsNumbers_WithTheirDefinitions_ForTheSameFilter()
    {
        using var api = await app.ApiClientAsync(DemoAccounts.Management);
        var client = await app.SignedInClientAsync(DemoAccounts.Management);

        foreach (var query in new[] { "", "?from=2020&to=2020&addressee=legislative-bodies", "?unit=GS/SPM" })
        {
            var dashboard = await DashboardPage.OpenAsync(client, query);
            var figures = await api.GetFromJsonAsync<JsonElement>("/api/v1/figures" + query);
            var shown = figures.GetProperty("figures").EnumerateArray()
                .Where(f => dashboard.Document.QuerySelector($"#figures tr[data-figure={f.GetProperty("name").GetString()}]") is not null)
                .ToList();
            Assert.True(shown.Count > 10, $"{query}: only {shown.Count} figures in common");
            foreach (var figure in shown)
            {
                var name = figure.GetProperty("name").GetString()!;
                Assert.True(dashboard.Figure(name) == figure.GetProperty("count").GetInt32(), $"{query}: {name} is {figure.GetProperty("count")} in the API, {dashboard.Figure(name)} on the dashboard");
                Assert.False(string.IsNullOrWhiteSpace(figure.GetProperty("definition").GetString()));
            }

            var acceptance = figures.GetProperty("acceptanceRate");
            Assert.Contains($"{acceptance.GetProperty("numerator").GetInt32()} accepted of {acceptance.GetProperty("denominator").GetInt32()}", dashboard.CardText(RateDefinitions.AcceptanceRateLabel), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task TheRecommendations_OfAFigure_AreTheRowsOfItsDrillDown_InTheReportsOrder()
    {
        using var api = await app.ApiClientAsync(DemoAccounts.Auditor);

        var noDecision = await api.GetFromJsonAsync<JsonElement>("/api/v1/recommendations?figure=NoDecision");
        Assert.Equal(2, noDecision.GetProperty("total").GetInt32());
        Assert.Equal(["JIU/REP/2020/8 7", "JIU/REP/2020/8 8"],
            noDecision.GetProperty("items").EnumerateArray().Select(r => $"{r.GetProperty("report").GetString()} {r.GetProperty("number").GetInt32()}"));
        Assert.Equal(JsonValueKind.Null, noDecision.GetProperty("next").ValueKind);

        var report = await api.GetFromJsonAsync<JsonElement>($"/api/v1/recommendations?report={DemoAccounts.EnvironmentReport}");
        var items = report.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(Enumerable.Range(1, 10), items.Select(r => r.GetProperty("number").GetInt32()));
        var stored = await app.QueryAsync(db => db.Recommendations.Where(r => r.Report.Symbol == DemoAccounts.EnvironmentReport && r.Number == 3)
            .Select(r => new { r.Acceptance, r.Implementation }).SingleAsync());
        Assert.Equal(stored.Acceptance?.ToString().ToLowerInvariant(), items[2].GetProperty("acceptance").GetString()?.Replace("-", "", StringComparison.Ordinal));
        Assert.True(items.All(r => r.GetProperty("dataQualityWarning").GetBoolean() == (r.GetProperty("implementation").ValueKind != JsonValueKind.Null && r.GetProperty("acceptance").GetString() != "accepted")));
    }

    [Fact]
    public async Task ARecommendation_HasItsTextCommentsAndHistory_AsStored()
    {
        using var api = await app.ApiClientAsync(DemoAccounts.Auditor);
        var id = await app.RecommendationIdAsync(DemoAccounts.EnvironmentReport, 4);

        var details = await api.GetFromJsonAsync<JsonElement>($"/api/v1/recommendations/{id}");
        var history = await api.GetFromJsonAsync<JsonElement>($"/api/v1/recommendations/{id}/history");

        var stored = await app.QueryAsync(async db => new
        {
            Text = await db.Recommendations.Where(r => r.Id == id).Select(r => r.Text).SingleAsync(),
            Comments = await db.Comments.Where(c => c.RecommendationId == id).OrderBy(c => c.CreatedAt).ThenBy(c => c.Id).Select(c => c.Text).ToListAsync(),
            History = await db.History.CountAsync(h => h.RecommendationId == id),
        });
        Assert.Equal(stored.Text, details.GetProperty("text").GetString());
        Assert.Equal(stored.Comments, details.GetProperty("comments").EnumerateArray().Select(c => c.GetProperty("text").GetString()));
        Assert.True(stored.History > 0);
        Assert.Equal(stored.History, history.GetArrayLength());
        // Dates in ISO 8601.
        Assert.True(DateTimeOffset.TryParseExact(history[0].GetProperty("changedAt").GetString(), "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", null, System.Globalization.DateTimeStyles.None, out _));
    }

    [Theory]
    [InlineData("/api/v1/recommendations?figure=Everything&from=2022&to=2020&page=0", "figure", "from", "page")]
    [InlineData("/api/v1/figures?addressee=everyone", "addressee")]
    [InlineData("/api/v1/reports?page=-1", "page")]
    public async Task AQueryThatCannotBeUsed_IsAProblemNamingEachParameter(string url, params string[] parameters)
    {
        using var api = await app.ApiClientAsync(DemoAccounts.Auditor);

        var response = await api.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(parameters.Order(), errors.EnumerateObject().Select(e => e.Name).Order());
        Assert.All(errors.EnumerateObject(), e => Assert.False(string.IsNullOrWhiteSpace(e.Value[0].GetString())));
    }

    [Fact]
    public async Task AnUnknownRecommendation_IsANotFoundProblem()
    {
        using var api = await app.ApiClientAsync(DemoAccounts.Auditor);

        foreach (var url in new[] { "/api/v1/recommendations/999999", "/api/v1/recommendations/999999/history" })
        {
            var response = await api.GetAsync(url);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("There is no recommendation 999999 in force.", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        }
    }
}
