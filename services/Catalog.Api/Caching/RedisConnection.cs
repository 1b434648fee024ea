using StackExchange.Redis;

namespace Catalog.Api.Caching;

/// <summary>
/// Owns the one multiplexer. It connects lazily and never aborts on a failed connect, so catalog
/// starts and serves from Postgres even when Redis is down at start-up.
/// </summary>
public sealed class RedisConnection(IConfiguration configuration) : IAsyncDisposable
{
    private readonly Lazy<Task<ConnectionMultiplexer>> _multiplexer = new(() => ConnectAsync(configuration));

    public async Task<IDatabase> GetDatabaseAsync() => (await _multiplexer.Value).GetDatabase();

    private static Task<ConnectionMultiplexer> ConnectAsync(IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString("redis")
            ?? throw new InvalidOperationException("ConnectionStrings:redis is not configured.");
        var options = ConfigurationOptions.Parse(connectionString);
        options.AbortOnConnectFail = false;
        options.ConnectTimeout = 2000;
        // The cache guards itself with a tighter timeout; this only bounds how long abandoned commands linger.
        options.AsyncTimeout = 2000;
        options.SyncTimeout = 2000;
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
