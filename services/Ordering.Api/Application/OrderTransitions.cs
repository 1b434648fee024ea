using AspireMicro.EventBus.Outbox;
using AspireMicro.IntegrationEvents.Orders;
using Microsoft.EntityFrameworkCore;
using Ordering.Api.Infrastructure;

namespace Ordering.Api.Application;

/// <summary>
/// Applies an event-driven transition and enqueues OrderStatusChanged. Runs inside the consumer's
/// transaction; the row lock serialises two events for the same order handled by two replicas.
/// </summary>
public sealed class OrderTransitions(OrderingDbContext db, TimeProvider clock, ILogger<OrderTransitions> logger)
{
    public async Task ApplyAsync(Guid orderId, OrderStatus target, string? reason, CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlAsync($"SELECT id FROM orders WHERE id = {orderId} FOR UPDATE", cancellationToken);
        var order = await db.Orders.Include(o => o.Items).SingleOrDefaultAsync(o => o.Id == orderId, cancellationToken);
        if (order is null)
        {
            logger.LogWarning("Ignoring {Target} for unknown order {OrderId}", target, orderId);
            return;
        }

        if (!order.TryTransitionTo(target, reason, clock.GetUtcNow()))
        {
            logger.LogInformation("Ignoring {Target} for order {OrderId} already {Status}", target, orderId, order.Status);
            return;
        }

        db.AddIntegrationEvent(OrderEvents.StatusChanged(order));
    }
}
