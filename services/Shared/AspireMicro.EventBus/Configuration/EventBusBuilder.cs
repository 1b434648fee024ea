using AspireMicro.EventBus.Abstractions;
using AspireMicro.EventBus.Consuming;
using AspireMicro.EventBus.Outbox;
using AspireMicro.EventBus.Persistence;
using AspireMicro.IntegrationEvents;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AspireMicro.EventBus.Configuration;

/// <summary>Fluent registration of the parts a service uses: schema, outbox relay, consumer, handlers.</summary>
public sealed class EventBusBuilder(IServiceCollection services)
{
    public IServiceCollection Services { get; } = services;

    /// <summary>
    /// Runs the outbox/inbox DDL plus the service's own idempotent scripts at start-up, before the relay
    /// and consumer start (hosted services start in registration order, so call this first).
    /// </summary>
    public EventBusBuilder AddSchema<TDbContext>(params string[] serviceScripts) where TDbContext : DbContext
    {
        Services.AddSingleton(new SchemaScripts<TDbContext>([.. serviceScripts, EventBusSchema.Sql]));
        Services.AddHostedService<SchemaInitializer<TDbContext>>();
        return this;
    }

    /// <summary>Starts the relay that publishes <typeparamref name="TDbContext"/>'s outbox rows.</summary>
    public EventBusBuilder AddOutboxRelay<TDbContext>() where TDbContext : DbContext
    {
        Services.AddHostedService<OutboxRelay<TDbContext>>();
        return this;
    }

    /// <summary>
    /// Consumes <c>{service}.events</c>, handling each delivery in a <typeparamref name="TDbContext"/>
    /// transaction with its inbox row.
    /// </summary>
    public EventBusBuilder AddConsumer<TDbContext>() where TDbContext : DbContext
    {
        Services.TryAddSingleton<DeliveryProcessor<TDbContext>>();
        Services.AddHostedService<IntegrationEventConsumer<TDbContext>>();
        return this;
    }

    /// <summary>Binds the service queue to <typeparamref name="TEvent"/> and handles it with <typeparamref name="THandler"/>.</summary>
    public EventBusBuilder AddHandler<TEvent, THandler>()
        where TEvent : IntegrationEvent
        where THandler : class, IIntegrationEventHandler<TEvent>
    {
        Services.AddScoped<IIntegrationEventHandler<TEvent>, THandler>();
        Services.Configure<EventHandlerRegistry>(registry => registry.Add<TEvent>());
        return this;
    }
}
