using StackExchange.Redis;

namespace Basket.Api.Storage;

/// <summary>The one multiplexer, connected lazily so basket starts (and reports unhealthy) when Redis is down.</summary>
public sealed class RedisConnection(IConfiguration configuration) : IAsyncDisposable
{
    private readonly Lazy<Task<ConnectionMultiplexer>> _multiplexer = new(() =>
    {
        var connectionString = configuration.GetConnectionString("redis")
            ?? throw new InvalidOperationException("ConnectionStrings:redis is not configured.");
        var options = ConfigurationOptions.Parse(connectionString);
        options.AbortOnConnectFail = false;
        options.ConnectTimeout = 2000;
        // Baskets live only in Redis; fail a request in seconds rather than hold it for the 5 s default.
        options.AsyncTimeout = 2000;
        options.SyncTimeout = 2000;
        return ConnectionMultiplexer.ConnectAsync(options);
    });

    public async Task<IDatabase> GetDatabaseAsync() => (await _multiplexer.Value).GetDatabase();

    public async ValueTask DisposeAsync()
    {
        if (_multiplexer.IsValueCreated)
        {
            await (await _multiplexer.Value).DisposeAsync();
        }
    }
}
