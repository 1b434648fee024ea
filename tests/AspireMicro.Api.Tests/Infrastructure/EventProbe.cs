using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using AspireMicro.EventBus.Serialization;
using AspireMicro.EventBus.Topology;
using AspireMicro.IntegrationEvents;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace AspireMicro.Api.Tests.Infrastructure;

/// <summary>
/// Talks to the real broker the way another service would: publishes events onto the topic exchange and
/// listens on a private queue for the event types a test wants to see.
/// </summary>
public sealed class EventProbe : IAsyncDisposable
{
    private readonly IConnection _connection;
    private readonly IChannel _channel;
    private readonly ConcurrentQueue<(string Type, JsonElement Body)> _received = new();

    private EventProbe(IConnection connection, IChannel channel) => (_connection, _channel) = (connection, channel);

    public static async Task<EventProbe> StartAsync(string amqpUri, params string[] listenFor)
    {
        var connection = await new ConnectionFactory { Uri = new Uri(amqpUri) }.CreateConnectionAsync();
        var channel = await connection.CreateChannelAsync();
        // Declares the services' queues too, so a published event waits for a consumer that is still starting.
        await EventBusTopology.DeclarePublisherTopologyAsync(channel, CancellationToken.None);
        var probe = new EventProbe(connection, channel);
        var queue = (await channel.QueueDeclareAsync(string.Empty, durable: false, exclusive: true, autoDelete: true)).QueueName;
        foreach (var eventType in listenFor)
        {
            await channel.QueueBindAsync(queue, EventBusTopology.Exchange, eventType);
        }

        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += (_, delivery) =>
        {
            var type = delivery.BasicProperties.Type ?? delivery.RoutingKey;
            probe._received.Enqueue((type, JsonDocument.Parse(delivery.Body.ToArray()).RootElement.Clone()));
            return Task.CompletedTask;
        };
        await channel.BasicConsumeAsync(queue, autoAck: true, consumer);
        return probe;
    }

    public async Task PublishAsync(IntegrationEvent integrationEvent)
    {
        var type = EventSerializer.EventTypeName(integrationEvent.GetType());
        var properties = new BasicProperties
        {
            MessageId = integrationEvent.EventId.ToString(),
            Type = type,
            ContentType = "application/json",
            DeliveryMode = DeliveryModes.Persistent,
            Headers = new Dictionary<string, object?> { [EventBusTopology.EventTypeHeader] = Encoding.UTF8.GetBytes(type) },
        };
        await _channel.BasicPublishAsync(
            EventBusTopology.Exchange, type, mandatory: false, properties, Encoding.UTF8.GetBytes(EventSerializer.Serialize(integrationEvent)));
    }

    /// <summary>Waits for an event of <paramref name="types"/> whose orderId is <paramref name="orderId"/>.</summary>
    public async Task<(string Type, JsonElement Body)> WaitForOrderEventAsync(Guid orderId, TimeSpan timeout, params string[] types)
    {
        var deadline = DateTime.UtcNow + timeout;
        var skipped = new List<(string, JsonElement)>();
        try
        {
            while (DateTime.UtcNow < deadline)
            {
                while (_received.TryDequeue(out var message))
                {
                    if (types.Contains(message.Type) && message.Body.TryGetProperty("orderId", out var id) && id.GetGuid() == orderId)
                    {
                        return message;
                    }

                    skipped.Add(message);
                }

                await Task.Delay(50);
            }
        }
        finally
        {
            foreach (var message in skipped)
            {
                _received.Enqueue(message);
            }
        }

        Assert.Fail($"No {string.Join("/", types)} for order {orderId} within {timeout}");
        return default;
    }

    public async ValueTask DisposeAsync()
    {
        await _channel.CloseAsync();
        await _connection.CloseAsync();
    }
}
