using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace AspireMicro.Redis;

public static class RedisHostingExtensions
{
    public const string ConnectionName = "redis";

    /// <summary>Fail a command in seconds rather than hold a request for StackExchange.Redis' 5 s default.</summary>
    private const int TimeoutMilliseconds = 2000;

    /// <summary>
    /// Aspire's Redis client for <c>ConnectionStrings:redis</c> (tracing, logging, optionally its health check) and
    /// <see cref="RedisConnection"/> to reach it. It never aborts on a failed connect, so a service starts while Redis
    /// is down and reconnects when it returns.
    /// </summary>
    /// <param name="healthCheck">
    /// Whether <c>/health</c> follows Redis: yes where Redis is essential (basket), no where it is only a cache the
    /// service can do without (catalog serves from its database while Redis is down).
    /// </param>
    public static IHostApplicationBuilder AddRedisConnection(this IHostApplicationBuilder builder, bool healthCheck)
    {
        builder.AddRedisClient(
            ConnectionName,
            settings =>
            {
                settings.DisableHealthChecks = !healthCheck;
                // No connect during start-up: a paused Redis would hold the host for the connect timeout.
                settings.DisableAutoActivation = true;
            },
            options =>
            {
                options.AbortOnConnectFail = false;
                options.ConnectTimeout = TimeoutMilliseconds;
                options.AsyncTimeout = TimeoutMilliseconds;
                options.SyncTimeout = TimeoutMilliseconds;
            });
        builder.Services.TryAddSingleton<RedisConnection>();
        return builder;
    }
}
