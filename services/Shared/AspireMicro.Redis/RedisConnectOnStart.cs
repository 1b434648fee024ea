using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AspireMicro.Redis;

/// <summary>
/// Starts the first connect while the service starts, without waiting for it: the first requests do not pay for it
/// (catalog's 250 ms cache timeout would otherwise give up on a cold connect and open its breaker), and a Redis that
/// is down or paused delays nothing.
/// </summary>
internal sealed class RedisConnectOnStart(RedisConnection redis, ILogger<RedisConnectOnStart> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        // Only a configuration error fails here (an unreachable Redis is retried in the background); requests would
        // report it too, but not before the first one.
        _ = redis.ConnectAsync().ContinueWith(
            connect => logger.LogError(connect.Exception, "Cannot create the Redis connection"),
            CancellationToken.None,
            TaskContinuationOptions.OnlyOnFaulted,
            TaskScheduler.Default);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
