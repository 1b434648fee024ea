using AspireMicro.EventBus.Connection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using RabbitMQ.Client;

namespace AspireMicro.EventBus.Configuration;

public static class EventBusHostingExtensions
{
    /// <summary>
    /// Registers the broker connection (Aspire's RabbitMQ client for <c>ConnectionStrings:{connectionName}</c>), its
    /// health check and the validated <see cref="EventBusOptions"/>. Chain <c>AddSchema</c>, <c>AddOutboxRelay</c>,
    /// <c>AddConsumer</c> and <c>AddHandler</c> for the parts the service needs.
    /// </summary>
    public static EventBusBuilder AddEventBus(
        this IHostApplicationBuilder builder,
        string serviceName,
        string connectionName = "messaging")
    {
        var connectionString = builder.AddBrokerClient(connectionName);
        builder.Services.AddOptions<EventBusOptions>()
            .Bind(builder.Configuration.GetSection(EventBusOptions.SectionName))
            .Configure(options =>
            {
                options.ServiceName = serviceName;
                options.ConnectionString = connectionString ?? string.Empty;
            })
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IValidateOptions<EventBusOptions>, EventBusOptionsValidator>());

        builder.Services.TryAddSingleton<RabbitMqConnectionProvider>();
        builder.Services.AddHealthChecks().AddCheck<RabbitMqHealthCheck>(connectionName, tags: ["ready"]);

        return new EventBusBuilder(builder.Services);
    }

    /// <summary>
    /// Aspire's RabbitMQ client supplies the configured <see cref="IConnectionFactory"/> (URI from the connection
    /// string, <c>Aspire:RabbitMQ:Client</c> settings, the client's log forwarding and its trace sources).
    /// <see cref="RabbitMqConnectionProvider"/> owns the one connection made from it; returns the connection string.
    /// </summary>
    private static string? AddBrokerClient(this IHostApplicationBuilder builder, string connectionName)
    {
        string? connectionString = null;
        builder.AddRabbitMQClient(
            connectionName,
            settings =>
            {
                connectionString = settings.ConnectionString;
                // The integration's IConnection is one connection made once (with blocking connect retries) and its
                // health check watches that one: with recovery off it would stay dead after a broker restart. The
                // provider's reconnect loops and RabbitMqHealthCheck follow the live connection instead.
                settings.DisableHealthChecks = true;
                settings.DisableAutoActivation = true;
                settings.MaxConnectRetryCount = 0;
            },
            factory =>
            {
                // The client's automatic recovery is off on purpose: the relay and the consumers run their own
                // reconnect loops (new connection, new channel, declare topology), which behave the same whether the
                // broker was down for one second or one hour.
                factory.AutomaticRecoveryEnabled = false;
                factory.TopologyRecoveryEnabled = false;
                factory.RequestedConnectionTimeout = TimeSpan.FromSeconds(5);
                factory.RequestedHeartbeat = TimeSpan.FromSeconds(10);
            });
        // Nothing may open a second connection behind the provider's back (and it would have no reconnect loop).
        builder.Services.RemoveAll<IConnection>();
        return connectionString;
    }
}
