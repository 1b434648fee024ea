using AspireMicro.EventBus.Connection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace AspireMicro.EventBus.Configuration;

public static class EventBusHostingExtensions
{
    /// <summary>
    /// Registers the broker connection (from <c>ConnectionStrings:{connectionName}</c>), its health check
    /// and the validated <see cref="EventBusOptions"/>. Chain <c>AddSchema</c>, <c>AddOutboxRelay</c>,
    /// <c>AddConsumer</c> and <c>AddHandler</c> for the parts the service needs.
    /// </summary>
    public static EventBusBuilder AddEventBus(
        this IHostApplicationBuilder builder,
        string serviceName,
        string connectionName = "messaging")
    {
        builder.Services.AddOptions<EventBusOptions>()
            .Bind(builder.Configuration.GetSection(EventBusOptions.SectionName))
            .Configure(options =>
            {
                options.ServiceName = serviceName;
                options.ConnectionString = builder.Configuration.GetConnectionString(connectionName) ?? string.Empty;
            })
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IValidateOptions<EventBusOptions>, EventBusOptionsValidator>());

        builder.Services.TryAddSingleton<RabbitMqConnectionProvider>();
        builder.Services.AddHealthChecks().AddCheck<RabbitMqHealthCheck>(connectionName, tags: ["ready"]);

        return new EventBusBuilder(builder.Services);
    }
}
