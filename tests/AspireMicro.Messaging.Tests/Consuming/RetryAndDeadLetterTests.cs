using AspireMicro.EventBus.Topology;
using AspireMicro.IntegrationEvents.Orders;
using AspireMicro.Messaging.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AspireMicro.Messaging.Tests.Consuming;

/// <summary>The library's consumer pipeline with a handler that fails on purpose (default bound: 3 attempts).</summary>
[Collection(MessagingCollection.Name)]
public sealed class RetryAndDeadLetterTests(MessagingFixture fixture) : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private readonly string _service = $"retrytest-{Guid.NewGuid():N}"[..20];
    private readonly AttemptCounter _counter = new();
    private readonly BrokerClient _broker = new(fixture.AmqpConnectionString);
    private IHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await TestBusHost.StartAsync(
            fixture,
            _service,
            bus => bus.AddHandler<OrderStockRejected, FailingHandler>(),
            services => services.AddSingleton(_counter));

        // This stand-in is not in EventSubscriptions, so its queue exists only once its consumer started.
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
    public async Task Handler_that_keeps_failing_is_tried_three_times_then_dead_lettered()
    {
        var rejected = new OrderStockRejected(Guid.NewGuid(), "fail-always");

        await _broker.PublishAsync(rejected);

        var dlq = await Eventually.GetAsync(
            () => _broker.DrainAsync(EventBusTopology.DeadLetterQueueFor(_service)),
            messages => messages.Count > 0, Timeout, "the message in the DLQ");
        Assert.Equal(rejected.EventId.ToString(), Assert.Single(dlq).MessageId);
        Assert.Equal(3, _counter.Get(rejected.OrderId));
    }

    [Fact]
    public async Task Handler_that_fails_once_succeeds_on_retry_and_is_not_dead_lettered()
    {
        var rejected = new OrderStockRejected(Guid.NewGuid(), "fail-once");
        var marker = new OrderStockRejected(Guid.NewGuid(), "ok");

        await _broker.PublishAsync(rejected);
        await _broker.PublishAsync(marker);

        await Eventually.GetAsync(() => Task.FromResult(_counter.Get(rejected.OrderId)), n => n == 2, Timeout,
            "the retry to succeed");
        await Eventually.GetAsync(() => Task.FromResult(_counter.Get(marker.OrderId)), n => n == 1, Timeout,
            "the marker");
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        Assert.Equal(2, _counter.Get(rejected.OrderId));
        Assert.Empty(await _broker.DrainAsync(EventBusTopology.DeadLetterQueueFor(_service)));
    }
}
