using AspireMicro.EventBus.Abstractions;
using AspireMicro.IntegrationEvents.Orders;
using Ordering.Api.Application;

namespace Ordering.Api.IntegrationEvents;

public sealed class OrderPaymentFailedHandler(OrderTransitions transitions) : IIntegrationEventHandler<OrderPaymentFailed>
{
    public Task HandleAsync(OrderPaymentFailed integrationEvent, CancellationToken cancellationToken) =>
        transitions.ApplyAsync(integrationEvent.OrderId, OrderStatus.Cancelled,
            $"Payment failed: {integrationEvent.Reason}", cancellationToken);
}
