using Microsoft.Extensions.Configuration;
using StackExchange.Redis;

namespace AspireMicro.Redis;

/// <summary>
/// Owns a service's one multiplexer for <c>ConnectionStrings:redis</c>. It connects lazily and never aborts on a
/// failed connect, so a service starts (and reports unhealthy, or serves from its database) when Redis is down.
/// </summary>
public sealed class RedisConnection(IConfiguration configuration) : IAsyncDisposable
{
    public const string ConnectionName = "redis";

    /// <summary>Fail a command in seconds rather than hold a request for StackExchange.Redis' 5 s default.</summary>
    private const int TimeoutMilliseconds = 2000;

    private readonly Lazy<Task<ConnectionMultiplexer>> _multiplexer = new(() => ConnectAsync(configuration));

    public async Task<IDatabase> GetDatabaseAsync() => (await _multiplexer.Value).GetDatabase();

    private static Task<ConnectionMultiplexer> ConnectAsync(IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString(ConnectionName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{ConnectionName} is not configured.");
        var options = ConfigurationOptions.Parse(connectionString);
        options.AbortOnConnectFail = false;
        options.ConnectTimeout = TimeoutMilliseconds;
        options.AsyncTimeout = TimeoutMilliseconds;
        options.SyncTimeout = TimeoutMilliseconds;
        return ConnectionMultiplexer.ConnectAsync(options);
    }

    public async ValueTask DisposeAsync()
    {
        if (_multiplexer.IsValueCreated)
        {
            await (await _multiplexer.Value).DisposeAsync();
        }
    }
}
