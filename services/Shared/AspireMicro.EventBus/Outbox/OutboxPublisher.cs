using System.Diagnostics;
using System.Text;
using AspireMicro.EventBus.Diagnostics;
using AspireMicro.EventBus.Topology;
using RabbitMQ.Client;

namespace AspireMicro.EventBus.Outbox;

/// <summary>Sends one outbox row; the caller waits for the broker's confirm (see <see cref="PublishConfirmations"/>).</summary>
internal static class OutboxPublisher
{
    public static async Task SendAsync(IChannel channel, OutboxMessage message, CancellationToken cancellationToken)
    {
        var parent = TraceHeaders.Parse(message.TraceParent, message.TraceState);
        using var activity = EventBusTelemetry.ActivitySource.StartActivity(
            $"{EventBusTopology.Exchange} publish", ActivityKind.Producer, parent);
        activity?.SetTag("messaging.system", "rabbitmq");
        activity?.SetTag("messaging.operation.type", "send");
        activity?.SetTag("messaging.destination.name", EventBusTopology.Exchange);
        activity?.SetTag("messaging.rabbitmq.destination.routing_key", message.EventType);
        activity?.SetTag("messaging.message.id", message.Id.ToString());

        // Without a listener there is no span; pass the writer's context on unchanged.
        var headers = new Dictionary<string, object?>
        {
            [EventBusTopology.EventTypeHeader] = message.EventType,
            [TraceHeaders.TraceParent] = activity?.Id ?? message.TraceParent,
        };
        var traceState = activity is not null ? activity.TraceStateString : message.TraceState;
        if (!string.IsNullOrEmpty(traceState))
        {
            headers[TraceHeaders.TraceState] = traceState;
        }

        var properties = new BasicProperties
        {
            MessageId = message.Id.ToString(),
            Type = message.EventType,
            ContentType = "application/json",
            DeliveryMode = DeliveryModes.Persistent,
            Timestamp = new AmqpTimestamp(message.OccurredAt.ToUnixTimeSeconds()),
            Headers = headers,
        };

        EventBusTelemetry.Published.Add(1);
        try
        {
            // Returns once sent; throws on a closed channel.
            await channel.BasicPublishAsync(
                EventBusTopology.Exchange,
                message.EventType,
                mandatory: true,
                properties,
                Encoding.UTF8.GetBytes(message.Payload),
                cancellationToken);
        }
        catch (Exception ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
            throw;
        }

    }
}
