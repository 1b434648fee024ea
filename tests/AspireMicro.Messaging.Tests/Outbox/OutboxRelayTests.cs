using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AspireMicro.Messaging.Tests.Infrastructure;
using AspireMicro.Messaging.Tests.Ordering;
using Ordering.Api.Infrastructure;

namespace AspireMicro.Messaging.Tests.Outbox;

[Collection(MessagingCollection.Name)]
public sealed class OutboxRelayTests(MessagingFixture fixture) : IAsyncLifetime
{
    private readonly string _database = MessagingFixture.UniqueDatabaseName("ordering");
    private readonly BrokerClient _broker = new(fixture.AmqpConnectionString);
    private ServiceFactory<OrderingDbContext> _ordering = null!;
    private HttpClient _client = null!;
    private string _probe = string.Empty;

    private string Database => fixture.PostgresConnectionString(_database);

    public async Task InitializeAsync()
    {
        _probe = await _broker.CreateProbeQueueAsync("OrderSubmitted");
        _ordering = Services.Ordering(fixture, _database);
        _client = _ordering.CreateClient();
    }

    public async Task DisposeAsync()
    {
        await _ordering.DisposeAsync();
        await _broker.DeleteQueueAsync(_probe);
    }

    [Fact]
    public async Task Committed_outbox_row_is_published_exactly_once_and_marked_after_confirm()
    {
        var orderId = await PlaceOrderAsync();

        await Eventually.GetAsync(
            () => Sql.CountAsync(Database, "SELECT count(*) FROM outbox_messages WHERE published_at IS NULL"),
            unpublished => unpublished == 0, TimeSpan.FromSeconds(15), "the outbox to drain");
        await Task.Delay(TimeSpan.FromSeconds(1)); // room for a (wrong) second publish to show up

        var outboxId = Assert.Single(await Sql.ColumnAsync(Database,
            "SELECT id FROM outbox_messages WHERE event_type = 'OrderSubmitted' AND payload LIKE $1", $"%{orderId}%"));
        var writerTraceParent = Assert.Single(await Sql.ColumnAsync(Database,
            "SELECT trace_parent FROM outbox_messages WHERE id = $1::uuid", outboxId));
        var delivered = Assert.Single(await _broker.DrainAsync(_probe), m => m.Body.Contains(orderId.ToString()));

        Assert.Equal(outboxId, delivered.MessageId);
        Assert.Equal("OrderSubmitted", delivered.EventType);
        // The publish span continues the trace of the request that wrote the row.
        Assert.NotNull(delivered.TraceParent);
        Assert.Equal(writerTraceParent.Split('-')[1], delivered.TraceParent!.Split('-')[1]);
    }

    [Fact]
    public async Task Relay_resumes_after_a_broker_restart_and_publishes_every_committed_row()
    {
        var placed = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            placed.Add(await PlaceOrderAsync());
        }

        await fixture.StopBrokerAsync();
        try
        {
            // Orders are accepted while the broker is down: they wait in the outbox.
            for (var i = 0; i < 10; i++)
            {
                placed.Add(await PlaceOrderAsync());
            }

            Assert.True(await Sql.CountAsync(Database,
                "SELECT count(*) FROM outbox_messages WHERE published_at IS NULL") > 0);
        }
        finally
        {
            await fixture.StartBrokerAsync();
        }

        for (var i = 0; i < 5; i++)
        {
            placed.Add(await PlaceOrderAsync());
        }

        await Eventually.GetAsync(
            () => Sql.CountAsync(Database, "SELECT count(*) FROM outbox_messages WHERE published_at IS NULL"),
            unpublished => unpublished == 0, TimeSpan.FromSeconds(60), "the relay to publish the backlog");

        var committed = await Sql.ColumnAsync(Database,
            "SELECT id FROM outbox_messages WHERE event_type = 'OrderSubmitted'");
        var delivered = await _broker.DrainAsync(_probe);
        Assert.Equal(20, committed.Count);
        Assert.Equal(committed.Order(), delivered.Select(m => m.MessageId!).Distinct().Order());
        Assert.All(placed, id => Assert.Contains(delivered, m => m.Body.Contains(id.ToString())));
    }

    private async Task<Guid> PlaceOrderAsync()
    {
        var response = await _client.SendAsync(
            OrderRequests.Post(OrderRequests.Body("buyer-relay"), Guid.NewGuid().ToString()));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }
}
