using AspireMicro.EventBus.Topology;
using AspireMicro.IntegrationEvents.Orders;
using AspireMicro.Messaging.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AspireMicro.Messaging.Tests.Consuming;

/// <summary>
/// One handler slot and a retry delay far longer than the test waits: if a retry waited in-process, the
/// healthy message behind the poison one could not be handled before the test gives up.
/// </summary>
[Collection(MessagingCollection.Name)]
public sealed class PoisonMessageTests(MessagingFixture fixture) : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(40);
    private readonly string _service = $"poisontest-{Guid.NewGuid():N}"[..20];
    private readonly AttemptCounter _counter = new();
    private readonly BrokerClient _broker = new(fixture.AmqpConnectionString);
    private IHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await TestBusHost.StartAsync(
            fixture,
            _service,
            bus => bus.AddHandler<OrderStockRejected, FailingHandler>(),
            services => services.AddSingleton(_counter),
            new Dictionary<string, string?>
            {
                ["EventBus:ConsumerConcurrency"] = "1",
                ["EventBus:RetryDelay"] = "00:02:00",
            });
        await _broker.WaitForConsumerAsync(EventBusTopology.QueueFor(_service), Timeout);
    }

    public async Task DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        await _broker.DeleteQueueAsync(EventBusTopology.QueueFor(_service));
        await _broker.DeleteQueueAsync(EventBusTopology.DeadLetterQueueFor(_service));
        await _broker.DeleteQueueAsync(EventBusTopology.RetryQueueFor(_service));
    }

    [Fact]
    public async Task Message_waiting_for_its_retry_does_not_hold_up_the_healthy_message_behind_it()
    {
        var poison = new OrderStockRejected(Guid.NewGuid(), "fail-always");
        var healthy = new OrderStockRejected(Guid.NewGuid(), "ok");

        await _broker.PublishAsync(poison);
        await _broker.PublishAsync(healthy);

        await Eventually.GetAsync(() => Task.FromResult(_counter.Get(healthy.OrderId)), n => n == 1, Timeout,
            "the healthy message to be handled");
        Assert.Equal(1, _counter.Get(poison.OrderId));
        // The poison message waits out its delay in the broker's retry queue, not in a handler slot.
        await Eventually.GetAsync(() => _broker.CountAsync(EventBusTopology.RetryQueueFor(_service)), n => n == 1,
            Timeout, "the poison message in the retry queue");
        Assert.Equal(0u, await _broker.CountAsync(EventBusTopology.DeadLetterQueueFor(_service)));
    }
}
