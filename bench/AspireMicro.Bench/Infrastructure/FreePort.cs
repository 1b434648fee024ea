using System.Net;
using System.Net.Sockets;

namespace AspireMicro.Bench.Infrastructure;

public static class FreePort
{
    /// <summary>A port the kernel just handed out; the short race before use is acceptable for a benchmark.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
