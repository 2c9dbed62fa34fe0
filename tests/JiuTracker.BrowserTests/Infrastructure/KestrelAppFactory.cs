using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace JiuTracker.BrowserTests.Infrastructure;

/// <summary>
/// The app of <see cref="JiuTrackerFactory"/> (demo mode over its own SQLite file) on a real Kestrel port on
/// 127.0.0.1, so a browser can reach it.
/// </summary>
public sealed class KestrelAppFactory : JiuTrackerFactory
{
    public KestrelAppFactory() => UseKestrel(options => options.Listen(IPAddress.Loopback, 0));

    /// <summary>Starts the server and answers the address it listens on, such as http://127.0.0.1:41234/.</summary>
    public Uri Start()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        return new Uri(addresses.Single().TrimEnd('/') + "/");
    }
}
