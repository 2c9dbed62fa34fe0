using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace JiuTracker.TestSupport;

/// <summary>
/// The app on a real Kestrel port of 127.0.0.1, for what the in-memory test server cannot show: requests come from a
/// network peer (loopback), as they do from a proxy on the same machine or anyone logged in to it; and for a
/// browser to reach it.
/// </summary>
public class KestrelJiuTrackerFactory : JiuTrackerFactory
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

    /// <summary>The address it listens on, such as http://127.0.0.1:41234/; starts the server the first time.</summary>
    public Uri Address => _address.Value;

    /// <summary>A client over real HTTP that keeps its cookies and does not follow redirects.</summary>
    public HttpClient CreateNetworkClient() =>
        new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = Address };
}
