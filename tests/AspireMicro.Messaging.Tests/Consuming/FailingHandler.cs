using AspireMicro.EventBus.Abstractions;
using AspireMicro.IntegrationEvents.Orders;

namespace AspireMicro.Messaging.Tests.Consuming;

/// <summary>
/// Fails as long as the order's reason says so: "fail-always" never succeeds, "fail-once" succeeds on the
/// second attempt. Stands for a handler hitting a transient or a persistent fault.
/// </summary>
public sealed class FailingHandler(AttemptCounter counter) : IIntegrationEventHandler<OrderStockRejected>
{
    public Task HandleAsync(OrderStockRejected integrationEvent, CancellationToken cancellationToken)
    {
        var attempt = counter.Increment(integrationEvent.OrderId);
        var fails = integrationEvent.Reason switch
        {
            "fail-always" => true,
            "fail-once" => attempt == 1,
            _ => false,
        };
        return fails
            ? throw new InvalidOperationException($"Simulated failure, attempt {attempt}")
            : Task.CompletedTask;
    }
}
