using System.Net;
using System.Net.Sockets;

namespace AspireMicro.Dashboard.Tests.Infrastructure;

public static class FreePort
{
    // The kernel may hand the same ephemeral port out again as soon as its probe listener closes; a dashboard asks
    // for three at once, so never return a port this test run already handed out.
    private static readonly HashSet<int> HandedOut = [];

    public static int Next()
    {
        while (true)
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            lock (HandedOut)
            {
                if (HandedOut.Add(port))
                {
                    return port;
                }
            }
        }
    }
}
