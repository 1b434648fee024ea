using AspireMicro.EventBus.Abstractions;
using AspireMicro.IntegrationEvents.Orders;
using Ordering.Api.Application;

namespace Ordering.Api.IntegrationEvents;

public sealed class OrderStockReservedHandler(OrderTransitions transitions) : IIntegrationEventHandler<OrderStockReserved>
{
    public Task HandleAsync(OrderStockReserved integrationEvent, CancellationToken cancellationToken) =>
        transitions.ApplyAsync(integrationEvent.OrderId, OrderStatus.StockReserved, null, cancellationToken);
}
