using System.Net;
using System.Net.Sockets;

namespace JiuTracker.TestSupport;

public static class LoopbackPort
{
    /// <summary>A port on 127.0.0.1 that nothing listens on at the moment.</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
