using Aspire.Hosting.ApplicationModel;
using AspireMicro.Hosting.NativeStores;
using AspireMicro.Hosting.NativeStores.RabbitMQ;
using Microsoft.Extensions.DependencyInjection;
using RabbitMQ.Client;

namespace Aspire.Hosting;

/// <summary>Native RabbitMQ: <c>AddNativeRabbitMQ</c>, <c>WithDataDirectory</c>.</summary>
public static class NativeRabbitMQBuilderExtensions
{
    /// <summary>
    /// Adds a RabbitMQ broker run natively (Debian's <c>rabbitmq-server</c> package), listening on loopback only, with
    /// its own Erlang node, cookie and epmd. Streams (<c>x-queue-type=stream</c>) work over AMQP.
    /// </summary>
    /// <param name="builder">The application builder.</param>
    /// <param name="name">The resource name.</param>
    /// <param name="userName">The user; <c>guest</c> when null.</param>
    /// <param name="password">The password; generated (<c>{name}-password</c>) when null.</param>
    public static IResourceBuilder<NativeRabbitMQServerResource> AddNativeRabbitMQ(
        this IDistributedApplicationBuilder builder,
        [ResourceName] string name,
        IResourceBuilder<ParameterResource>? userName = null,
        IResourceBuilder<ParameterResource>? password = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);

        var passwordParameter = NativeStoreBuilder.PasswordOrDefault(builder, name, password);
        var rabbit = new NativeRabbitMQServerResource(name, userName?.Resource, passwordParameter);

        var connectionString = NativeStoreBuilder.CaptureConnectionString(builder, rabbit);
        IConnection? connection = null;
        var healthCheckKey = $"{name}_check";
        builder.Services.AddHealthChecks().AddRabbitMQ(
            async _ =>
            {
                // One connection, replaced when the broker has dropped it (stopped, restarted, killed).
                if (connection is { IsOpen: true })
                {
                    return connection;
                }

                if (connection is not null)
                {
                    await connection.DisposeAsync();
                    connection = null;
                }

                var factory = new ConnectionFactory
                {
                    Uri = new Uri(connectionString()),
                    AutomaticRecoveryEnabled = false,
                    RequestedConnectionTimeout = TimeSpan.FromSeconds(5),
                    ClientProvidedName = $"{name}-health",
                };
                return connection = await factory.CreateConnectionAsync();
            },
            name: healthCheckKey);

        return NativeStoreBuilder.AddNativeStore(builder, rabbit, "Mail")
            .WithInternalEndpoint(NativeRabbitMQServerResource.DistEndpointName)
            .WithInternalEndpoint(NativeRabbitMQServerResource.EpmdEndpointName)
            .WithEnvironment(context =>
            {
                if (!context.ExecutionContext.IsRunMode)
                {
                    return;
                }

                context.EnvironmentVariables["NATIVE_STORE_USER"] = rabbit.UserNameReference;
                context.EnvironmentVariables["NATIVE_STORE_NODE"] = rabbit.NodeName;
                context.EnvironmentVariables["NATIVE_STORE_DIST_PORT"] =
                    rabbit.GetEndpoint(NativeRabbitMQServerResource.DistEndpointName).Property(EndpointProperty.TargetPort);
                context.EnvironmentVariables["NATIVE_STORE_EPMD_PORT"] =
                    rabbit.GetEndpoint(NativeRabbitMQServerResource.EpmdEndpointName).Property(EndpointProperty.TargetPort);
            })
            .WithHealthCheck(healthCheckKey);
    }

    /// <summary>
    /// Keeps the broker's data (mnesia, queues, the node's cookie) in <paramref name="path"/> (relative to the AppHost
    /// folder), or with no path in a stable folder per AppHost and resource, so that it survives runs.
    /// </summary>
    public static IResourceBuilder<NativeRabbitMQServerResource> WithDataDirectory(
        this IResourceBuilder<NativeRabbitMQServerResource> builder, string? path = null) =>
        NativeStoreBuilder.WithDataDirectory(builder, path);
}
