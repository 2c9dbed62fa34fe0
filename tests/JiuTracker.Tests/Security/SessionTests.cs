using System.Net;
using JiuTracker.Tests.Infrastructure;

namespace JiuTracker.Tests.Security;

public class SessionTests(ClockedJiuTrackerFactory app) : IClassFixture<ClockedJiuTrackerFactory>
{
    [Fact]
    public async Task Session_EndsAfter30IdleMinutes_ButEachRequestExtendsIt()
    {
        var client = await app.SignedInClientAsync(DemoAccounts.Management);

        app.Clock.Advance(TimeSpan.FromMinutes(20));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Reports")).StatusCode);
        app.Clock.Advance(TimeSpan.FromMinutes(20));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Reports")).StatusCode);
        app.Clock.Advance(TimeSpan.FromMinutes(31));

        var response = await client.GetAsync("/Reports");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }
}
