namespace AspireMicro.Hosting.Networking;

/// <summary>A requested port is already bound or reserved; the message names the port so the caller can add the resource name.</summary>
public sealed class PortInUseException(int port, string reason)
    : Exception($"Port {port} is already in use ({reason}).")
{
    public int Port { get; } = port;
}
