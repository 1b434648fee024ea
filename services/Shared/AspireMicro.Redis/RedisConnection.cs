using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace AspireMicro.Redis;

/// <summary>
/// Hands out the multiplexer that Aspire's Redis integration registers, without ever blocking the caller on the
/// first connect: the integration connects synchronously (for up to the connect timeout when Redis is paused), so
/// that happens once on the thread pool and callers await it, which lets a caller's own timeout give up on it.
/// </summary>
public sealed class RedisConnection(IServiceProvider services)
{
    private readonly Lazy<Task<IConnectionMultiplexer>> _multiplexer =
        new(() => Task.Run(services.GetRequiredService<IConnectionMultiplexer>));

    public async Task<IDatabase> GetDatabaseAsync() => (await _multiplexer.Value).GetDatabase();

    /// <summary>Begins the first connect if nothing has yet; completes when it is done.</summary>
    internal Task ConnectAsync() => _multiplexer.Value;
}
