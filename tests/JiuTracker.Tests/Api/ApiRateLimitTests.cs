using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using JiuTracker.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace JiuTracker.Tests.Api;

/// <summary>The app with a limit of three API requests a minute per token.</summary>
public sealed class ThreeApiRequestsAMinuteFactory : JiuTrackerFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Api:RequestsPerMinute", "3");
    }
}

/// <summary>Each token has its own window of <c>Api:RequestsPerMinute</c>; beyond it, a 429 problem says how long to wait.</summary>
public class ApiRateLimitTests(ThreeApiRequestsAMinuteFactory app) : IClassFixture<ThreeApiRequestsAMinuteFactory>
{
    [Fact]
    public async Task TheFourthRequestOfAMinute_IsRefusedWithTheWait_WhileAnotherTokenIsStillServed()
    {
        using var first = await app.ApiClientAsync(DemoAccounts.Auditor);
        using var second = await app.ApiClientAsync(DemoAccounts.Auditor);

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/api/v1/reports")).StatusCode);
        }

        var refused = await first.GetAsync("/api/v1/reports");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType!.MediaType);
        var wait = refused.Headers.RetryAfter!.Delta!.Value;
        Assert.InRange(wait, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
        Assert.Equal($"This token may make 3 requests a minute; wait {wait.TotalSeconds} s, then try again.",
            (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());

        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("/api/v1/reports")).StatusCode);
    }
}
