using System.Text;
using AspireMicro.IntegrationEvents.Orders;
using AspireMicro.Messaging.Tests.Infrastructure;
using Payment.Worker.Infrastructure;

namespace AspireMicro.Messaging.Tests.Consuming;

[Collection(MessagingCollection.Name)]
public sealed class PaymentConsumerTests(MessagingFixture fixture) : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private readonly string _database = MessagingFixture.UniqueDatabaseName("payment");
    private readonly BrokerClient _broker = new(fixture.AmqpConnectionString);
    private ServiceFactory<PaymentDbContext> _payment = null!;

    private string Database => fixture.PostgresConnectionString(_database);

    public Task InitializeAsync()
    {
        _payment = Services.Payment(fixture, _database, maxApprovedAmount: 1_000m);
        _payment.CreateClient(); // starts the host
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _payment.DisposeAsync();

    [Fact]
    public async Task Duplicate_delivery_of_the_same_event_is_processed_once()
    {
        var orderId = Guid.NewGuid();
        var reserved = new OrderStockReserved(orderId, "buyer-dup", 42m);

        await _broker.PublishAsync(reserved);
        await _broker.PublishAsync(reserved);
        // A different event for the same order must not charge it twice either.
        await _broker.PublishAsync(new OrderStockReserved(orderId, "buyer-dup", 42m));
        var marker = Guid.NewGuid();
        await _broker.PublishAsync(new OrderStockReserved(marker, "buyer-dup", 1m));

        // One consumer handles its queue in order, so once the marker is paid the duplicates are behind us.
        await WaitForPaymentAsync(marker);
        Assert.Equal(1, await Sql.CountAsync(Database, "SELECT count(*) FROM payments WHERE order_id = $1", orderId));
        Assert.Equal(1, await Sql.CountAsync(Database,
            "SELECT count(*) FROM inbox_messages WHERE message_id = $1", reserved.EventId));
        Assert.Equal(1, await Sql.CountAsync(Database,
            "SELECT count(*) FROM outbox_messages WHERE event_type = 'OrderPaymentSucceeded' AND payload LIKE $1",
            $"%{orderId}%"));
    }

    [Fact]
    public async Task Total_above_the_limit_publishes_OrderPaymentFailed_and_below_publishes_succeeded()
    {
        var probe = await _broker.CreateProbeQueueAsync("OrderPaymentFailed", "OrderPaymentSucceeded");
        try
        {
            var declined = Guid.NewGuid();
            var approved = Guid.NewGuid();
            await _broker.PublishAsync(new OrderStockReserved(declined, "buyer-limit", 5_000m));
            await _broker.PublishAsync(new OrderStockReserved(approved, "buyer-limit", 999m));

            var all = new List<ReceivedMessage>();
            await Eventually.GetAsync(
                async () =>
                {
                    all.AddRange(await _broker.DrainAsync(probe));
                    return all.Count(m => m.Body.Contains(declined.ToString()) || m.Body.Contains(approved.ToString()));
                },
                count => count >= 2, Timeout, "both payment results");

            Assert.Equal("OrderPaymentFailed", Assert.Single(all, m => m.Body.Contains(declined.ToString())).EventType);
            Assert.Equal("OrderPaymentSucceeded", Assert.Single(all, m => m.Body.Contains(approved.ToString())).EventType);
        }
        finally
        {
            await _broker.DeleteQueueAsync(probe);
        }
    }

    [Fact]
    public async Task Poison_messages_go_to_the_dead_letter_queue_and_the_worker_keeps_consuming()
    {
        var garbageId = Guid.NewGuid().ToString();
        var unknownTypeId = Guid.NewGuid().ToString();
        await _broker.PublishRawAsync("OrderStockReserved", Encoding.UTF8.GetBytes("{not json"), garbageId,
            queue: "payment.events");
        await _broker.PublishRawAsync("NoSuchEvent", Encoding.UTF8.GetBytes("{}"), unknownTypeId,
            queue: "payment.events");
        var after = Guid.NewGuid();
        await _broker.PublishAsync(new OrderStockReserved(after, "buyer-poison", 10m));

        await WaitForPaymentAsync(after);
        var deadLettered = new List<ReceivedMessage>();
        await Eventually.GetAsync(
            async () =>
            {
                deadLettered.AddRange(await _broker.DrainAsync("payment.events.dlq"));
                return deadLettered;
            },
            dlq => dlq.Any(m => m.MessageId == garbageId) && dlq.Any(m => m.MessageId == unknownTypeId),
            Timeout, "both poison messages in payment.events.dlq");
        Assert.Single(deadLettered, m => m.MessageId == garbageId);
    }

    private Task<long> WaitForPaymentAsync(Guid orderId) =>
        Eventually.GetAsync(
            () => Sql.CountAsync(Database, "SELECT count(*) FROM payments WHERE order_id = $1", orderId),
            count => count > 0, Timeout, $"payment of order {orderId}");
}
