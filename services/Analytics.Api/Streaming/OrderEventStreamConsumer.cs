using System.Text;
using Analytics.Api.Projections;
using AspireMicro.EventBus.Connection;
using AspireMicro.EventBus.Consuming;
using AspireMicro.EventBus.Serialization;
using AspireMicro.EventBus.Topology;
using AspireMicro.IntegrationEvents.Orders;
using Microsoft.Extensions.Options;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Analytics.Api.Streaming;

/// <summary>
/// Reads <c>aspiremicro.order-events</c> over AMQP 0.9.1. On boot it starts at the configured offset
/// ("first"); after a lost connection it resumes just after the last offset it saw, and the projection's
/// event-id dedupe absorbs any overlap. Nothing is ever requeued: a stream is a log, so a message we
/// cannot read is logged and skipped rather than redelivered forever.
/// </summary>
public sealed class OrderEventStreamConsumer(
    RabbitMqConnectionProvider connections,
    SalesProjection projection,
    IOptions<StreamOptions> options,
    ILogger<OrderEventStreamConsumer> logger) : ResilientChannelConsumer(connections, logger)
{
    private const string OffsetKey = "x-stream-offset";
    private static readonly string StatusChangedType = EventSerializer.EventTypeName(typeof(OrderStatusChanged));
    private long? _lastOffset;

    protected override string Source => EventBusTopology.OrderEventsStream;

    // The default channel dispatches one delivery at a time: the offset bookkeeping relies on that order.
    protected override async Task StartConsumingAsync(IChannel channel, CancellationToken stoppingToken)
    {
        await EventBusTopology.DeclareStreamAsync(channel, stoppingToken);
        await channel.BasicQosAsync(0, options.Value.Prefetch, global: false, stoppingToken);

        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += (_, delivery) => OnDeliveryAsync(channel, delivery);
        // After a lost connection, resume just after the last offset seen.
        object start = _lastOffset is { } last ? last + 1 : options.Value.StartOffset;
        await channel.BasicConsumeAsync(
            EventBusTopology.OrderEventsStream,
            autoAck: false,
            consumerTag: string.Empty,
            noLocal: false,
            exclusive: false,
            arguments: new Dictionary<string, object?> { [OffsetKey] = start },
            consumer,
            stoppingToken);
        logger.LogInformation("Reading {Stream} from offset {Offset}", EventBusTopology.OrderEventsStream, start);
    }

    private async Task OnDeliveryAsync(IChannel channel, BasicDeliverEventArgs delivery)
    {
        try
        {
            var headers = delivery.BasicProperties.Headers;
            if (headers?.TryGetValue(OffsetKey, out var offset) == true && offset is long value)
            {
                _lastOffset = value;
            }

            var eventType = ReadString(headers, EventBusTopology.EventTypeHeader) ?? delivery.RoutingKey;
            if (eventType == StatusChangedType)
            {
                if (EventSerializer.TryDeserialize(delivery.Body.Span, typeof(OrderStatusChanged))
                    is OrderStatusChanged statusChanged)
                {
                    projection.Apply(statusChanged);
                }
                else
                {
                    logger.LogWarning("Skipping unreadable {EventType} at offset {Offset}", eventType, _lastOffset);
                }
            }

            // Streams need acks only as flow control (credit for the prefetch window).
            await channel.BasicAckAsync(delivery.DeliveryTag, multiple: false);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Failed to settle stream message at offset {Offset}", _lastOffset);
        }
    }

    private static string? ReadString(IDictionary<string, object?>? headers, string key) =>
        headers?.TryGetValue(key, out var value) == true
            ? value switch
            {
                byte[] bytes => Encoding.UTF8.GetString(bytes),
                string text => text,
                _ => null,
            }
            : null;
}
