using AspireMicro.EventBus.Abstractions;
using AspireMicro.EventBus.Outbox;
using AspireMicro.IntegrationEvents.Orders;
using Microsoft.EntityFrameworkCore;
using Payment.Worker.Application;
using Payment.Worker.Infrastructure;

namespace Payment.Worker.IntegrationEvents;

/// <summary>
/// Charges a reserved order once. The inbox stops redeliveries of the same event; the payments key stops
/// a second charge should a different event for the same order arrive.
/// </summary>
public sealed class OrderStockReservedHandler(
    PaymentDbContext db,
    PaymentDecider decider,
    TimeProvider clock,
    ILogger<OrderStockReservedHandler> logger) : IIntegrationEventHandler<OrderStockReserved>
{
    public async Task HandleAsync(OrderStockReserved integrationEvent, CancellationToken cancellationToken)
    {
        if (await db.Payments.AnyAsync(p => p.OrderId == integrationEvent.OrderId, cancellationToken))
        {
            logger.LogInformation("Order {OrderId} was already charged; ignoring", integrationEvent.OrderId);
            return;
        }

        var decision = decider.Decide(integrationEvent.Total);
        db.Payments.Add(new Domain.Payment
        {
            OrderId = integrationEvent.OrderId,
            Amount = integrationEvent.Total,
            Succeeded = decision.Approved,
            FailureReason = decision.Reason,
            ProcessedAt = clock.GetUtcNow(),
        });
        db.AddIntegrationEvent(decision.Approved
            ? new OrderPaymentSucceeded(integrationEvent.OrderId, integrationEvent.Total)
            : new OrderPaymentFailed(integrationEvent.OrderId, decision.Reason ?? "declined"));
        logger.LogInformation("Payment for order {OrderId}: {Outcome}", integrationEvent.OrderId,
            decision.Approved ? "approved" : decision.Reason);
    }
}
