using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AspireMicro.EventBus.Topology;
using AspireMicro.IntegrationEvents;
using AspireMicro.IntegrationEvents.Orders;
using AspireMicro.Messaging.Tests.Infrastructure;
using Ordering.Api.Infrastructure;

namespace AspireMicro.Messaging.Tests.Ordering;

/// <summary>
/// Ordering's consumer handles several deliveries at once (ConsumerConcurrency 8). A burst of events for
/// one order, redeliveries of one event among them, must still move the order exactly once per step.
/// </summary>
[Collection(MessagingCollection.Name)]
public sealed class ConcurrentEventsTests(MessagingFixture fixture) : IAsyncLifetime
{
    private const int Copies = 20;
    private readonly string _database = MessagingFixture.UniqueDatabaseName("ordering");
    private readonly BrokerClient _broker = new(fixture.AmqpConnectionString);
    private ServiceFactory<OrderingDbContext> _ordering = null!;
    private HttpClient _client = null!;

    private string Database => fixture.PostgresConnectionString(_database);

    public async Task InitializeAsync()
    {
        _ordering = Services.Ordering(fixture, _database);
        _client = _ordering.CreateClient();
        await _broker.WaitForConsumerAsync(EventBusTopology.QueueFor("ordering"), TimeSpan.FromSeconds(60));
    }

    public async Task DisposeAsync() => await _ordering.DisposeAsync();

    [Fact]
    public async Task Burst_of_duplicate_and_competing_events_for_one_order_changes_it_once_per_step()
    {
        var orderId = await PlaceOrderAsync();
        var redelivered = new OrderStockReserved(orderId, "buyer-burst", 19m);
        var burst = new List<IntegrationEvent>();
        for (var i = 0; i < Copies; i++)
        {
            burst.Add(redelivered);                                    // the same event id, delivered again
            burst.Add(new OrderStockReserved(orderId, "buyer-burst", 19m));   // another event, same step
            burst.Add(new OrderPaymentSucceeded(orderId, 19m));
        }

        await Task.WhenAll(burst.Select(_broker.PublishAsync));

        var ids = burst.Select(e => e.EventId).Distinct().ToArray();
        const string handledSql = "SELECT count(*) FROM inbox_messages WHERE message_id = ANY($1)";
        await Eventually.GetAsync(
            () => Sql.CountAsync(Database, handledSql, ids),
            handled => handled >= ids.Length, TimeSpan.FromSeconds(90), $"{ids.Length} events in the inbox");

        Assert.Equal(ids.Length, await Sql.CountAsync(Database, handledSql, ids));
        Assert.Equal("Paid", Assert.Single(await Sql.ColumnAsync(Database,
            "SELECT status FROM orders WHERE id = $1", orderId)));
        var changes = await Sql.ColumnAsync(Database,
            "SELECT payload::json->>'status' FROM outbox_messages WHERE event_type = 'OrderStatusChanged' AND payload LIKE $1",
            $"%{orderId}%");
        Assert.Single(changes, status => status == "Paid");
        Assert.True(changes.Count(status => status == "StockReserved") <= 1,
            $"StockReserved announced {changes.Count(status => status == "StockReserved")} times");

        // Let the announcements leave before the service stops, so no later test sees them arrive late.
        await Eventually.GetAsync(
            () => Sql.CountAsync(Database, "SELECT count(*) FROM outbox_messages WHERE published_at IS NULL"),
            unpublished => unpublished == 0, TimeSpan.FromSeconds(60), "the outbox to drain");
    }

    private async Task<Guid> PlaceOrderAsync()
    {
        var response = await _client.SendAsync(
            OrderRequests.Post(OrderRequests.Body("buyer-burst"), Guid.NewGuid().ToString()));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }
}
