using AspireMicro.EventBus.Topology;
using AspireMicro.IntegrationEvents.Orders;
using AspireMicro.Messaging.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AspireMicro.Messaging.Tests.Consuming;

/// <summary>
/// A throwaway service whose only handler is <see cref="FailingHandler"/>, consuming from its own queues; disposal
/// stops it and deletes its queue, retry queue and dead-letter queue.
/// </summary>
public sealed class FailingHandlerBus : IAsyncDisposable
{
    private readonly IHost _host;

    private FailingHandlerBus(IHost host, string service, AttemptCounter counter, BrokerClient broker)
    {
        _host = host;
        Service = service;
        Counter = counter;
        Broker = broker;
    }

    public string Service { get; }

    public AttemptCounter Counter { get; }

    public BrokerClient Broker { get; }

    public static async Task<FailingHandlerBus> StartAsync(
        MessagingFixture fixture, string servicePrefix, TimeSpan timeout, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var service = $"{servicePrefix}-{Guid.NewGuid():N}"[..20];
        var counter = new AttemptCounter();
        var broker = new BrokerClient(fixture.AmqpConnectionString);
        var host = await TestBusHost.StartAsync(
            fixture,
            service,
            bus => bus.AddHandler<OrderStockRejected, FailingHandler>(),
            services => services.AddSingleton(counter),
            settings);

        // This stand-in is not in EventSubscriptions, so its queue exists only once its consumer started.
        await broker.WaitForConsumerAsync(EventBusTopology.QueueFor(service), timeout);
        return new FailingHandlerBus(host, service, counter, broker);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        await Broker.DeleteQueueAsync(EventBusTopology.QueueFor(Service));
        await Broker.DeleteQueueAsync(EventBusTopology.DeadLetterQueueFor(Service));
        await Broker.DeleteQueueAsync(EventBusTopology.RetryQueueFor(Service));
    }
}
