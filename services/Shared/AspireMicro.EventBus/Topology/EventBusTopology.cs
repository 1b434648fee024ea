using AspireMicro.IntegrationEvents;
using RabbitMQ.Client;

namespace AspireMicro.EventBus.Topology;

/// <summary>
/// Names and declarations of docs/contracts.md. Every process declares what it touches (declarations are
/// idempotent as long as the arguments match, which is why they live in one place).
/// </summary>
public static class EventBusTopology
{
    public const string Exchange = "aspiremicro.events";
    public const string DeadLetterExchange = "aspiremicro.dlx";
    public const string OrderEventsStream = "aspiremicro.order-events";
    public const string EventTypeHeader = "x-event-type";
    public const string DeliveryAttemptHeader = "x-delivery-attempt";

    public static string QueueFor(string serviceName) => $"{serviceName}.events";

    public static string DeadLetterQueueFor(string serviceName) => $"{QueueFor(serviceName)}.dlq";

    /// <summary>
    /// Where a failed delivery waits out its retry delay: nobody consumes it; each message carries its own
    /// TTL and, once expired, is dead-lettered through the default exchange straight back to the service queue.
    /// </summary>
    public static string RetryQueueFor(string serviceName) => $"{QueueFor(serviceName)}.retry";

    /// <summary>Exchanges, the order-events stream and every known service queue (see <see cref="EventSubscriptions"/>).</summary>
    public static async Task DeclarePublisherTopologyAsync(IChannel channel, CancellationToken cancellationToken)
    {
        await DeclareExchangesAsync(channel, cancellationToken);
        await DeclareStreamAsync(channel, cancellationToken);
        foreach (var (service, eventTypes) in EventSubscriptions.ByService)
        {
            await DeclareServiceQueueAsync(channel, service, eventTypes, cancellationToken);
        }
    }

    /// <summary>The exchanges and the consuming service's queue, its bindings, its retry queue and its dead-letter queue.</summary>
    public static async Task DeclareConsumerTopologyAsync(
        IChannel channel,
        string serviceName,
        IEnumerable<string> eventTypes,
        CancellationToken cancellationToken)
    {
        await DeclareExchangesAsync(channel, cancellationToken);
        await DeclareServiceQueueAsync(channel, serviceName, eventTypes, cancellationToken);
    }

    public static async Task DeclareStreamAsync(IChannel channel, CancellationToken cancellationToken)
    {
        await DeclareExchangesAsync(channel, cancellationToken);
        await channel.QueueDeclareAsync(
            OrderEventsStream,
            durable: true,
            exclusive: false,
            autoDelete: false,
            arguments: new Dictionary<string, object?> { ["x-queue-type"] = "stream" },
            cancellationToken: cancellationToken);

        // "#" = every event: the stream is the replayable history analytics rebuilds itself from.
        await channel.QueueBindAsync(OrderEventsStream, Exchange, "#", cancellationToken: cancellationToken);
    }

    private static async Task DeclareExchangesAsync(IChannel channel, CancellationToken cancellationToken)
    {
        await channel.ExchangeDeclareAsync(Exchange, ExchangeType.Topic, durable: true, autoDelete: false,
            cancellationToken: cancellationToken);
        await channel.ExchangeDeclareAsync(DeadLetterExchange, ExchangeType.Direct, durable: true, autoDelete: false,
            cancellationToken: cancellationToken);
    }

    private static async Task DeclareServiceQueueAsync(
        IChannel channel,
        string serviceName,
        IEnumerable<string> eventTypes,
        CancellationToken cancellationToken)
    {
        var queue = QueueFor(serviceName);
        var deadLetterQueue = DeadLetterQueueFor(serviceName);

        await channel.QueueDeclareAsync(
            RetryQueueFor(serviceName),
            durable: true,
            exclusive: false,
            autoDelete: false,
            arguments: new Dictionary<string, object?>
            {
                ["x-dead-letter-exchange"] = string.Empty,
                ["x-dead-letter-routing-key"] = queue,
            },
            cancellationToken: cancellationToken);

        await channel.QueueDeclareAsync(deadLetterQueue, durable: true, exclusive: false, autoDelete: false,
            cancellationToken: cancellationToken);
        await channel.QueueBindAsync(deadLetterQueue, DeadLetterExchange, deadLetterQueue,
            cancellationToken: cancellationToken);

        await channel.QueueDeclareAsync(
            queue,
            durable: true,
            exclusive: false,
            autoDelete: false,
            arguments: new Dictionary<string, object?>
            {
                ["x-dead-letter-exchange"] = DeadLetterExchange,
                ["x-dead-letter-routing-key"] = deadLetterQueue,
            },
            cancellationToken: cancellationToken);

        foreach (var eventType in eventTypes)
        {
            await channel.QueueBindAsync(queue, Exchange, eventType, cancellationToken: cancellationToken);
        }
    }
}
