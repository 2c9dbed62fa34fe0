using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace JiuTracker.Tests.Infrastructure;

/// <summary>
/// The app on a real Kestrel port on 127.0.0.1, for what the test server does not do as Kestrel does: request body
/// limits, chunked bodies, connections.
/// </summary>
public sealed class KestrelJiuTrackerFactory : JiuTrackerFactory
{
    private readonly Lazy<Uri> _address;

    public KestrelJiuTrackerFactory()
    {
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        _address = new(() =>
        {
            StartServer();
            var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
            return new Uri(addresses.Single().TrimEnd('/') + "/");
        });
    }

    /// <summary>Where the app listens, such as http://127.0.0.1:41234/; starts it first.</summary>
    public Uri Address => _address.Value;

    /// <summary>A client over the network that keeps cookies and does not follow redirects.</summary>
    public HttpClient CreateNetworkClient() =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() }) { BaseAddress = Address };
}
