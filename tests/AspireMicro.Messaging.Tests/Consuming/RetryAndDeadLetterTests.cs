using AspireMicro.EventBus.Topology;
using AspireMicro.IntegrationEvents.Orders;
using AspireMicro.Messaging.Tests.Infrastructure;

namespace AspireMicro.Messaging.Tests.Consuming;

/// <summary>The library's consumer pipeline with a handler that fails on purpose (default bound: 3 attempts).</summary>
[Collection(MessagingCollection.Name)]
public sealed class RetryAndDeadLetterTests(MessagingFixture fixture) : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private FailingHandlerBus _bus = null!;

    public async Task InitializeAsync() => _bus = await FailingHandlerBus.StartAsync(fixture, "retrytest", Timeout);

    public async Task DisposeAsync() => await _bus.DisposeAsync();

    [Fact]
    public async Task Handler_that_keeps_failing_is_tried_three_times_then_dead_lettered()
    {
        var rejected = new OrderStockRejected(Guid.NewGuid(), "fail-always");

        await _bus.Broker.PublishAsync(rejected);

        var dlq = await Eventually.GetAsync(
            () => _bus.Broker.DrainAsync(EventBusTopology.DeadLetterQueueFor(_bus.Service)),
            messages => messages.Count > 0, Timeout, "the message in the DLQ");
        Assert.Equal(rejected.EventId.ToString(), Assert.Single(dlq).MessageId);
        Assert.Equal(3, _bus.Counter.Get(rejected.OrderId));
    }

    [Fact]
    public async Task Handler_that_fails_once_succeeds_on_retry_and_is_not_dead_lettered()
    {
        var rejected = new OrderStockRejected(Guid.NewGuid(), "fail-once");
        var marker = new OrderStockRejected(Guid.NewGuid(), "ok");

        await _bus.Broker.PublishAsync(rejected);
        await _bus.Broker.PublishAsync(marker);

        await Eventually.GetAsync(() => Task.FromResult(_bus.Counter.Get(rejected.OrderId)), n => n == 2, Timeout,
            "the retry to succeed");
        await Eventually.GetAsync(() => Task.FromResult(_bus.Counter.Get(marker.OrderId)), n => n == 1, Timeout,
            "the marker");
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        Assert.Equal(2, _bus.Counter.Get(rejected.OrderId));
        Assert.Empty(await _bus.Broker.DrainAsync(EventBusTopology.DeadLetterQueueFor(_bus.Service)));
    }
}
