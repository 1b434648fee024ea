using System.Text;
using AspireMicro.EventBus.Serialization;
using AspireMicro.EventBus.Topology;
using AspireMicro.IntegrationEvents;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace AspireMicro.Messaging.Tests.Infrastructure;

/// <summary>
/// The test's own view of the broker: publishes like another service would and reads queues with
/// basic.get. It opens a connection per call so it keeps working across broker restarts.
/// </summary>
public sealed class BrokerClient(string amqpConnectionString)
{
    private readonly ConnectionFactory _factory = new() { Uri = new Uri(amqpConnectionString) };

    public Task PublishAsync(IntegrationEvent integrationEvent) =>
        PublishRawAsync(
            EventSerializer.EventTypeName(integrationEvent.GetType()),
            Encoding.UTF8.GetBytes(EventSerializer.Serialize(integrationEvent)),
            integrationEvent.EventId.ToString());

    /// <summary>
    /// Publishes to the events exchange (or, with <paramref name="queue"/>, straight to a queue). Retries
    /// for a while: right after a broker restart its stream queue needs a moment before declares succeed.
    /// </summary>
    public async Task PublishRawAsync(string eventType, byte[] body, string messageId, string? queue = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await PublishOnceAsync(eventType, body, messageId, queue);
                return;
            }
            catch (Exception ex) when (attempt < 50 && ex is OperationInterruptedException or BrokerUnreachableException or AlreadyClosedException or IOException)
            {
                await Task.Delay(200);
            }
        }
    }

    private async Task PublishOnceAsync(string eventType, byte[] body, string messageId, string? queue)
    {
        await using var connection = await _factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        await EventBusTopology.DeclarePublisherTopologyAsync(channel, CancellationToken.None);
        var properties = new BasicProperties
        {
            MessageId = messageId,
            Type = eventType,
            DeliveryMode = DeliveryModes.Persistent,
            Headers = new Dictionary<string, object?> { [EventBusTopology.EventTypeHeader] = eventType },
        };
        await channel.BasicPublishAsync(
            queue is null ? EventBusTopology.Exchange : string.Empty,
            queue ?? eventType,
            mandatory: true,
            properties,
            body);
    }

    /// <summary>A durable queue bound to the events exchange, so it also survives a broker restart.</summary>
    public async Task<string> CreateProbeQueueAsync(params string[] bindingKeys)
    {
        var name = $"test-probe-{Guid.NewGuid():N}";
        await using var connection = await _factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        await EventBusTopology.DeclarePublisherTopologyAsync(channel, CancellationToken.None);
        await channel.QueueDeclareAsync(name, durable: true, exclusive: false, autoDelete: false);
        foreach (var bindingKey in bindingKeys)
        {
            await channel.QueueBindAsync(name, EventBusTopology.Exchange, bindingKey);
        }

        return name;
    }

    /// <summary>Empties a shared queue of what earlier tests left in it.</summary>
    public async Task PurgeAsync(string queue)
    {
        await using var connection = await _factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        await EventBusTopology.DeclarePublisherTopologyAsync(channel, CancellationToken.None);
        await channel.QueuePurgeAsync(queue);
    }

    public async Task DeleteQueueAsync(string queue)
    {
        await using var connection = await _factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        await channel.QueueDeleteAsync(queue);
    }

    /// <summary>Waits until a consumer is attached to the queue (services declare their queue as they start).</summary>
    public async Task WaitForConsumerAsync(string queue, TimeSpan timeout)
    {
        await using var connection = await _factory.CreateConnectionAsync();
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            // A passive declare of a missing queue closes the channel, so use a fresh one each time.
            await using var channel = await connection.CreateChannelAsync();
            try
            {
                if ((await channel.QueueDeclarePassiveAsync(queue)).ConsumerCount > 0)
                {
                    return;
                }
            }
            catch (RabbitMQ.Client.Exceptions.OperationInterruptedException) when (DateTime.UtcNow < deadline)
            {
                // Not declared yet.
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"No consumer on {queue} after {timeout}");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>Messages ready in the queue right now (0 for a queue that does not exist).</summary>
    public async Task<uint> CountAsync(string queue)
    {
        await using var connection = await _factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        try
        {
            return (await channel.QueueDeclarePassiveAsync(queue)).MessageCount;
        }
        catch (OperationInterruptedException)
        {
            return 0;
        }
    }

    /// <summary>Takes every message currently in the queue.</summary>
    public async Task<List<ReceivedMessage>> DrainAsync(string queue)
    {
        var messages = new List<ReceivedMessage>();
        await using var connection = await _factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        while (await channel.BasicGetAsync(queue, autoAck: true) is { } result)
        {
            var headers = result.BasicProperties.Headers;
            messages.Add(new ReceivedMessage(
                HeaderString(headers, EventBusTopology.EventTypeHeader),
                result.BasicProperties.MessageId,
                Encoding.UTF8.GetString(result.Body.Span),
                HeaderString(headers, "traceparent")));
        }

        return messages;
    }

    private static string? HeaderString(IDictionary<string, object?>? headers, string key) =>
        headers?.TryGetValue(key, out var value) == true && value is byte[] bytes ? Encoding.UTF8.GetString(bytes) : null;
}
