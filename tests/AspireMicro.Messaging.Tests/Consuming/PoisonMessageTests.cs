using AspireMicro.EventBus.Topology;
using AspireMicro.IntegrationEvents.Orders;
using AspireMicro.Messaging.Tests.Infrastructure;

namespace AspireMicro.Messaging.Tests.Consuming;

/// <summary>
/// One handler slot and a retry delay far longer than the test waits: if a retry waited in-process, the
/// healthy message behind the poison one could not be handled before the test gives up.
/// </summary>
[Collection(MessagingCollection.Name)]
public sealed class PoisonMessageTests(MessagingFixture fixture) : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(40);
    private FailingHandlerBus _bus = null!;

    public async Task InitializeAsync() => _bus = await FailingHandlerBus.StartAsync(
        fixture,
        "poisontest",
        Timeout,
        new Dictionary<string, string?>
        {
            ["EventBus:ConsumerConcurrency"] = "1",
            ["EventBus:RetryDelay"] = "00:02:00",
        });

    public async Task DisposeAsync() => await _bus.DisposeAsync();

    [Fact]
    public async Task Message_waiting_for_its_retry_does_not_hold_up_the_healthy_message_behind_it()
    {
        var poison = new OrderStockRejected(Guid.NewGuid(), "fail-always");
        var healthy = new OrderStockRejected(Guid.NewGuid(), "ok");

        await _bus.Broker.PublishAsync(poison);
        await _bus.Broker.PublishAsync(healthy);

        await Eventually.GetAsync(() => Task.FromResult(_bus.Counter.Get(healthy.OrderId)), n => n == 1, Timeout,
            "the healthy message to be handled");
        Assert.Equal(1, _bus.Counter.Get(poison.OrderId));
        // The poison message waits out its delay in the broker's retry queue, not in a handler slot.
        await Eventually.GetAsync(() => _bus.Broker.CountAsync(EventBusTopology.RetryQueueFor(_bus.Service)), n => n == 1,
            Timeout, "the poison message in the retry queue");
        Assert.Equal(0u, await _bus.Broker.CountAsync(EventBusTopology.DeadLetterQueueFor(_bus.Service)));
    }
}
