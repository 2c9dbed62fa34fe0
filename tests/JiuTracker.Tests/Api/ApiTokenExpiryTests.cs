using System.Net;
using JiuTracker.Tests.Infrastructure;
using JiuTracker.Tests.Web;
using JiuTracker.Web.Api;

namespace JiuTracker.Tests.Api;

/// <summary>A token works until the moment it expires, by the app's clock, and not after.</summary>
public class ApiTokenExpiryTests(ClockedJiuTrackerFactory app) : IClassFixture<ClockedJiuTrackerFactory>
{
    [Fact]
    public async Task AToken_WorksForItsDays_ThenIsRefused_AndTheListSaysExpired()
    {
        using var api = app.ApiClient(await app.ApiTokenAsync(DemoAccounts.Management, days: 2));
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/figures")).StatusCode);

        app.Clock.Advance(TimeSpan.FromDays(2) - TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/figures")).StatusCode);

        app.Clock.Advance(TimeSpan.FromMinutes(2));
        var refused = await api.GetAsync("/api/v1/figures");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("unknown, expired or revoked", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var page = await (await app.SignedInClientAsync(DemoAccounts.Management)).GetDocumentAsync("/Account/Tokens");
        Assert.Contains("Expired", page.QuerySelector("#tokens tbody tr")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnExpiredReadWriteToken_WritesNothing()
    {
        using var api = app.ApiClient(await app.ApiTokenAsync(DemoAccounts.AndersNorsker, ApiTokenScope.ReadWrite, days: 1));
        var id = await app.RecommendationIdAsync(SeedReports.Cybersecurity, 1);
        var etag = await api.ETagAsync(id);
        app.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        var before = await app.RowCountsAsync();

        var response = await api.PatchRecommendationAsync(id, """{"comment": "Too late."}""", etag);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("unknown, expired or revoked", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await app.RowCountsAsync());
    }
}
