using System.Diagnostics;
using System.Globalization;
using AspireMicro.EventBus.Configuration;
using AspireMicro.EventBus.Diagnostics;
using AspireMicro.EventBus.Serialization;
using AspireMicro.EventBus.Topology;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace AspireMicro.EventBus.Consuming;

/// <summary>
/// Handles one delivery: inbox row + handler + outbox rows in one transaction, then ack. A failing handler
/// is retried by parking a copy, with an attempt counter header (classic queues do not count
/// redeliveries), in the service's retry queue until its delay expires; after the last attempt, or at once
/// for a body that cannot be understood, the delivery is rejected without requeue so the queue
/// dead-letters it. Several deliveries run through here at once (see <c>ConsumerConcurrency</c>).
/// </summary>
public sealed class DeliveryProcessor<TDbContext>(
    IServiceScopeFactory scopes,
    IOptions<EventHandlerRegistry> registry,
    IOptions<EventBusOptions> options,
    ILogger<DeliveryProcessor<TDbContext>> logger)
    where TDbContext : DbContext
{
    private readonly EventBusOptions _options = options.Value;

    public async Task<DeliveryOutcome> ProcessAsync(
        IChannel channel,
        BasicDeliverEventArgs delivery,
        CancellationToken cancellationToken)
    {
        var headers = delivery.BasicProperties.Headers;
        var eventType = TraceHeaders.ReadString(headers, EventBusTopology.EventTypeHeader)
            ?? delivery.BasicProperties.Type
            ?? delivery.RoutingKey;
        var attempt = TraceHeaders.ReadInt(headers, EventBusTopology.DeliveryAttemptHeader) ?? 1;

        var parent = TraceHeaders.Parse(
            TraceHeaders.ReadString(headers, TraceHeaders.TraceParent),
            TraceHeaders.ReadString(headers, TraceHeaders.TraceState));
        using var activity = EventBusTelemetry.ActivitySource.StartActivity(
            $"{eventType} process", ActivityKind.Consumer, parent);
        activity?.SetTag("messaging.system", "rabbitmq");
        activity?.SetTag("messaging.operation.type", "process");
        activity?.SetTag("messaging.destination.name", EventBusTopology.QueueFor(_options.ServiceName));
        activity?.SetTag("messaging.message.id", delivery.BasicProperties.MessageId);
        activity?.SetTag("aspiremicro.delivery_attempt", attempt);

        if (!registry.Value.TryGet(eventType, out var registration))
        {
            return await DeadLetterAsync(channel, delivery, $"no handler for event type '{eventType}'", activity);
        }

        var integrationEvent = EventSerializer.TryDeserialize(delivery.Body.Span, registration.EventType);
        if (integrationEvent is null || integrationEvent.EventId == Guid.Empty)
        {
            return await DeadLetterAsync(channel, delivery, $"body is not a valid {eventType}", activity);
        }

        try
        {
            var handled = await HandleInTransactionAsync(registration, integrationEvent, eventType, cancellationToken);
            await channel.BasicAckAsync(delivery.DeliveryTag, multiple: false, cancellationToken);
            if (!handled)
            {
                logger.LogInformation("Skipped duplicate {EventType} {EventId}", eventType, integrationEvent.EventId);
                return DeliveryOutcome.Duplicate;
            }

            EventBusTelemetry.Consumed.Add(1, new KeyValuePair<string, object?>("event_type", eventType));
            return DeliveryOutcome.Handled;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
            if (attempt >= _options.MaxDeliveryAttempts)
            {
                logger.LogError(ex, "{EventType} {EventId} failed {Attempt} times", eventType,
                    integrationEvent.EventId, attempt);
                return await DeadLetterAsync(channel, delivery, ex.Message, activity);
            }

            logger.LogWarning(ex, "{EventType} {EventId} failed (attempt {Attempt}); retrying", eventType,
                integrationEvent.EventId, attempt);
            await RetryLaterAsync(channel, delivery, attempt, cancellationToken);
            return DeliveryOutcome.Retried;
        }
    }

    /// <summary>Returns false when the inbox already had the message (a duplicate delivery).</summary>
    private async Task<bool> HandleInTransactionAsync(
        EventHandlerRegistry.Registration registration,
        IntegrationEvents.IntegrationEvent integrationEvent,
        string eventType,
        CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // The insert takes the row lock first, so a concurrent duplicate (another replica) waits for this
        // transaction and then sees the conflict instead of running the handler twice.
        var inserted = await db.Database.ExecuteSqlAsync($"""
            INSERT INTO inbox_messages (message_id, consumer, event_type, processed_at)
            VALUES ({integrationEvent.EventId}, {_options.ServiceName}, {eventType}, {DateTimeOffset.UtcNow})
            ON CONFLICT DO NOTHING
            """, cancellationToken);
        if (inserted == 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            return false;
        }

        await registration.Invoke(scope.ServiceProvider, integrationEvent, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private async Task RetryLaterAsync(
        IChannel channel,
        BasicDeliverEventArgs delivery,
        int attempt,
        CancellationToken cancellationToken)
    {
        var headers = new Dictionary<string, object?>(
            delivery.BasicProperties.Headers ?? new Dictionary<string, object?>())
        {
            [EventBusTopology.DeliveryAttemptHeader] = attempt + 1,
        };
        // The wait happens in the broker (per-message TTL in the retry queue), not here: this handler slot
        // is free again at once and the messages behind this one keep flowing.
        var delay = (long)(_options.RetryDelay * attempt).TotalMilliseconds;
        var properties = new BasicProperties(delivery.BasicProperties)
        {
            Headers = headers,
            Expiration = delay.ToString(CultureInfo.InvariantCulture),
        };

        // Confirmed before the original is acked: a crash in between duplicates the message, which the
        // inbox absorbs, rather than losing it.
        await channel.BasicPublishAsync(
            string.Empty,
            EventBusTopology.RetryQueueFor(_options.ServiceName),
            mandatory: true,
            properties,
            delivery.Body,
            cancellationToken);
        await channel.BasicAckAsync(delivery.DeliveryTag, multiple: false, cancellationToken);
    }

    private async Task<DeliveryOutcome> DeadLetterAsync(
        IChannel channel,
        BasicDeliverEventArgs delivery,
        string reason,
        Activity? activity)
    {
        logger.LogError("Dead-lettering message {MessageId} from {Queue}: {Reason}",
            delivery.BasicProperties.MessageId, EventBusTopology.QueueFor(_options.ServiceName), reason);
        activity?.SetStatus(ActivityStatusCode.Error, reason);
        await channel.BasicRejectAsync(delivery.DeliveryTag, requeue: false);
        EventBusTelemetry.DeadLettered.Add(1);
        return DeliveryOutcome.DeadLettered;
    }
}
