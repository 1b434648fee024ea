using Aspire.Hosting.ApplicationModel;
using AspireMicro.Hosting.NativeStores;
using AspireMicro.Hosting.NativeStores.Redis;
using Microsoft.Extensions.DependencyInjection;

namespace Aspire.Hosting;

/// <summary>Native Redis: <c>AddNativeRedis</c>, <c>WithDataDirectory</c>.</summary>
public static class NativeRedisBuilderExtensions
{
    /// <summary>
    /// Adds a Redis server run natively (Debian's <c>redis-server</c> package): no snapshots, and an append-only file
    /// only when <see cref="WithDataDirectory"/> makes the data persistent.
    /// </summary>
    /// <param name="builder">The application builder.</param>
    /// <param name="name">The resource name.</param>
    /// <param name="password">The password; generated (<c>{name}-password</c>) when null.</param>
    public static IResourceBuilder<NativeRedisResource> AddNativeRedis(
        this IDistributedApplicationBuilder builder,
        [ResourceName] string name,
        IResourceBuilder<ParameterResource>? password = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);

        var passwordParameter = NativeStoreBuilder.PasswordOrDefault(builder, name, password);
        var redis = new NativeRedisResource(name, passwordParameter);

        var connectionString = NativeStoreBuilder.CaptureConnectionString(builder, redis);
        var healthCheckKey = $"{name}_check";
        builder.Services.AddHealthChecks().AddRedis(
            _ => connectionString(),
            name: healthCheckKey);

        return NativeStoreBuilder.AddNativeStore(builder, redis, "Memory")
            .WithHealthCheck(healthCheckKey);
    }

    /// <summary>
    /// Keeps the data (append-only file) in <paramref name="path"/> (relative to the AppHost folder), or with no path in
    /// a stable folder per AppHost and resource, so that it survives runs.
    /// </summary>
    public static IResourceBuilder<NativeRedisResource> WithDataDirectory(
        this IResourceBuilder<NativeRedisResource> builder, string? path = null) =>
        NativeStoreBuilder.WithDataDirectory(builder, path);
}
