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
    /// is down and reconnects when it returns. The first connect starts with the service, in the background.
    /// </summary>
    /// <remarks>
    /// The integration hands StackExchange.Redis the logger factory, which logs some forty steps of every connect at
    /// Information: the services' appsettings keep the "StackExchange.Redis" category at Warning.
    /// </remarks>
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
                // Its activation connects synchronously while the host starts, which a paused Redis would hold for the
                // connect timeout; RedisConnectOnStart connects in the background instead.
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
        builder.Services.AddHostedService<RedisConnectOnStart>();
        return builder;
    }
}
