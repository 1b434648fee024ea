namespace AspireMicro.Hosting.Networking;

/// <summary>Hands out free loopback ports that no other AppHost on this machine gets at the same time.</summary>
public sealed class PortAllocator : IDisposable
{
    public int Allocate() => throw new NotImplementedException("H2: being implemented");

    /// <summary>Claims a fixed port; throws <see cref="PortInUseException"/> naming the port if it is taken.</summary>
    public void Reserve(int port) => throw new NotImplementedException("H2: being implemented");

    public void Release(int port) => throw new NotImplementedException("H2: being implemented");

    public void Dispose()
    {
    }
}
