using AspireMicro.EventBus.Abstractions;
using AspireMicro.IntegrationEvents.Orders;
using Ordering.Api.Application;

namespace Ordering.Api.IntegrationEvents;

public sealed class OrderStockRejectedHandler(OrderTransitions transitions) : IIntegrationEventHandler<OrderStockRejected>
{
    public Task HandleAsync(OrderStockRejected integrationEvent, CancellationToken cancellationToken) =>
        transitions.ApplyAsync(integrationEvent.OrderId, OrderStatus.Cancelled,
            $"Stock rejected: {integrationEvent.Reason}", cancellationToken);
}
