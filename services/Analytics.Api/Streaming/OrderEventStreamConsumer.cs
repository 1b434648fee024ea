using System.Text;
using Analytics.Api.Projections;
using AspireMicro.EventBus.Connection;
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
    ILogger<OrderEventStreamConsumer> logger) : BackgroundService
{
    private const string OffsetKey = "x-stream-offset";
    private static readonly string StatusChangedType = EventSerializer.EventTypeName(typeof(OrderStatusChanged));
    private long? _lastOffset;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            IChannel? channel = null;
            try
            {
                var connection = await connections.GetConnectionAsync(stoppingToken);
                channel = await connection.CreateChannelAsync(cancellationToken: stoppingToken);
                var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                channel.ChannelShutdownAsync += (_, _) => Complete(closed);
                connection.ConnectionShutdownAsync += (_, _) => Complete(closed);

                await EventBusTopology.DeclareStreamAsync(channel, stoppingToken);
                await channel.BasicQosAsync(0, options.Value.Prefetch, global: false, stoppingToken);

                var consumer = new AsyncEventingBasicConsumer(channel);
                var consumingChannel = channel;
                consumer.ReceivedAsync += (_, delivery) => OnDeliveryAsync(consumingChannel, delivery);
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
                failures = 0;

                await closed.Task.WaitAsync(stoppingToken);
                logger.LogWarning("Lost the stream channel; resuming after offset {Offset}", _lastOffset);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                failures++;
                logger.LogWarning(ex, "Could not read the order-events stream (attempt {Attempt})", failures);
            }
            finally
            {
                await DisposeQuietlyAsync(channel);
            }

            try
            {
                var delay = TimeSpan.FromMilliseconds(Math.Min(5_000, 250 * Math.Pow(2, Math.Min(failures, 5))));
                await Task.Delay(delay, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
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

    private static Task Complete(TaskCompletionSource closed)
    {
        closed.TrySetResult();
        return Task.CompletedTask;
    }

    private async Task DisposeQuietlyAsync(IChannel? channel)
    {
        if (channel is null)
        {
            return;
        }

        try
        {
            await channel.DisposeAsync();
        }
        catch (Exception ex)
        {
            logger.LogDebug(ex, "Ignoring error while disposing the stream channel");
        }
    }
}
