using AspireMicro.EventBus.Outbox;
using AspireMicro.IntegrationEvents.Orders;
using AspireMicro.Messaging.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AspireMicro.Messaging.Tests.Outbox;

/// <summary>Events staged in one SaveChanges reach the broker in the order they were staged.</summary>
[Collection(MessagingCollection.Name)]
public sealed class OutboxOrderTests(MessagingFixture fixture) : IAsyncLifetime
{
    private const int Events = 40;
    private readonly BrokerClient _broker = new(fixture.AmqpConnectionString);
    private readonly string _service = $"ordertest-{Guid.NewGuid():N}"[..20];
    private string _probe = string.Empty;
    private IHost _host = null!;

    public async Task InitializeAsync()
    {
        _probe = await _broker.CreateProbeQueueAsync("OrderStockRejected");
        _host = await TestBusHost.StartAsync(fixture, _service, _ => { });
    }

    public async Task DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        await _broker.DeleteQueueAsync(_probe);
    }

    [Fact]
    public async Task Rows_of_one_save_are_published_in_the_order_they_were_added()
    {
        var staged = Enumerable.Range(0, Events)
            .Select(i => new OrderStockRejected(Guid.NewGuid(), $"position {i}"))
            .ToList();
        await using (var scope = _host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TestBusDbContext>();
            foreach (var integrationEvent in staged)
            {
                db.AddIntegrationEvent(integrationEvent);
            }

            await db.SaveChangesAsync();
        }

        var ids = staged.Select(e => e.EventId.ToString()).ToHashSet();
        var delivered = new List<ReceivedMessage>();
        await Eventually.GetAsync(
            async () =>
            {
                delivered.AddRange((await _broker.DrainAsync(_probe)).Where(m => ids.Contains(m.MessageId!)));
                return delivered.Count;
            },
            count => count >= Events, TimeSpan.FromSeconds(30), "the relay to publish the batch");

        Assert.Equal(staged.Select(e => e.EventId.ToString()), delivered.Select(m => m.MessageId));
    }
}
