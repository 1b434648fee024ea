using AspireMicro.EventBus.Abstractions;
using AspireMicro.IntegrationEvents.Orders;
using Ordering.Api.Application;

namespace Ordering.Api.IntegrationEvents;

public sealed class OrderPaymentSucceededHandler(OrderTransitions transitions)
    : IIntegrationEventHandler<OrderPaymentSucceeded>
{
    public Task HandleAsync(OrderPaymentSucceeded integrationEvent, CancellationToken cancellationToken) =>
        transitions.ApplyAsync(integrationEvent.OrderId, OrderStatus.Paid, null, cancellationToken);
}
