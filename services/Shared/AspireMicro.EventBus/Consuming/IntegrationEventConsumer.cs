using AspireMicro.EventBus.Configuration;
using AspireMicro.EventBus.Connection;
using AspireMicro.EventBus.Topology;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace AspireMicro.EventBus.Consuming;

/// <summary>
/// Consumes the service's <c>{service}.events</c> queue with up to <see cref="EventBusOptions.ConsumerConcurrency"/>
/// deliveries in flight at once (the client dispatches that many handlers in parallel on one channel).
/// Handlers therefore run concurrently: the inbox insert and the handlers' row locks keep that safe.
/// </summary>
public sealed class IntegrationEventConsumer<TDbContext>(
    RabbitMqConnectionProvider connections,
    DeliveryProcessor<TDbContext> processor,
    IOptions<EventHandlerRegistry> registry,
    IOptions<EventBusOptions> options,
    ILogger<IntegrationEventConsumer<TDbContext>> logger) : ResilientChannelConsumer(connections, logger)
    where TDbContext : DbContext
{
    private readonly EventBusOptions _options = options.Value;

    protected override string Source => EventBusTopology.QueueFor(_options.ServiceName);

    protected override TimeSpan MaxReconnectDelay => _options.MaxReconnectDelay;

    // Confirms: a retry is re-published to the retry queue and must be on the broker before the ack.
    protected override CreateChannelOptions ChannelOptions => new(
        publisherConfirmationsEnabled: true,
        publisherConfirmationTrackingEnabled: true,
        consumerDispatchConcurrency: _options.ConsumerConcurrency);

    protected override async Task StartConsumingAsync(IChannel channel, CancellationToken stoppingToken)
    {
        await EventBusTopology.DeclareConsumerTopologyAsync(
            channel, _options.ServiceName, registry.Value.EventTypeNames, stoppingToken);
        await channel.BasicQosAsync(0, _options.PrefetchCount, global: false, stoppingToken);

        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += (_, delivery) => ProcessSafelyAsync(channel, delivery, stoppingToken);
        await channel.BasicConsumeAsync(Source, autoAck: false, consumer, stoppingToken);
    }

    private async Task ProcessSafelyAsync(IChannel channel, BasicDeliverEventArgs delivery, CancellationToken ct)
    {
        try
        {
            await processor.ProcessAsync(channel, delivery, ct);
        }
        catch (Exception ex)
        {
            // Typically the channel died mid-ack; the broker redelivers and the inbox deduplicates.
            logger.LogWarning(ex, "Could not settle delivery {MessageId}", delivery.BasicProperties.MessageId);
        }
    }
}
