using System.Net;
using JiuTracker.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace JiuTracker.Tests.Security;

/// <summary>
/// Behind a proxy that terminates TLS, a production instance believes the proxy's X-Forwarded-Proto (so it does not
/// redirect to HTTPS what the client already sent over HTTPS), but only from the proxies it was told of.
/// </summary>
public class ForwardedHeadersTests(ForwardedHeadersTests.BehindProxyApp app) : IClassFixture<ForwardedHeadersTests.BehindProxyApp>
{
    private async Task<HttpResponseMessage> GetFromAsync(string peer)
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("http://localhost") });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        request.Headers.Add(PeerAddress.Header, peer);
        request.Headers.Add("X-Forwarded-Proto", "https");
        return await client.SendAsync(request);
    }

    [Theory]
    [InlineData("10.0.0.5")]
    [InlineData("10.1.2.3")]
    public async Task FromAKnownProxyOrNetwork_TheClientsHttpsIsBelieved_AndNotRedirected(string proxy)
    {
        var response = await GetFromAsync(proxy);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task FromAnyOtherSender_ForwardedHeadersAreIgnored_AndPlainHttpIsRedirected()
    {
        var response = await GetFromAsync("10.0.0.9");

        Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
        Assert.Equal("https", response.Headers.Location?.Scheme);
    }

    [Fact]
    public void AProxyThatIsNotAnAddress_StopsTheApp_SayingWhatIsExpected()
    {
        using var misconfigured = new MisconfiguredApp();

        var failure = Assert.ThrowsAny<Exception>(() => misconfigured.CreateClient());

        Assert.Contains("ForwardedHeaders:KnownProxies \"proxy.example.org\" is not an IP address", failure.ToString(), StringComparison.Ordinal);
    }

    public sealed class BehindProxyApp : ProductionJiuTrackerFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("ForwardedHeaders:KnownProxies", "10.0.0.5");
            builder.UseSetting("ForwardedHeaders:KnownNetworks", "10.1.2.0/24");
            builder.ConfigureServices(services => services.AddTransient<IStartupFilter, PeerAddress>());
        }
    }

    public sealed class MisconfiguredApp : ProductionJiuTrackerFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("ForwardedHeaders:KnownProxies", "proxy.example.org");
        }
    }

    /// <summary>The test server has no network peer: a request names the address it comes from, before any app middleware.</summary>
    private sealed class PeerAddress : IStartupFilter
    {
        public const string Header = "X-Test-Peer";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse(context.Request.Headers[Header].ToString());
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
