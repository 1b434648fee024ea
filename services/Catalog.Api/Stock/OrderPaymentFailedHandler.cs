using AspireMicro.EventBus.Abstractions;
using AspireMicro.IntegrationEvents.Orders;
using Catalog.Api.Data;
using Microsoft.EntityFrameworkCore;

namespace Catalog.Api.Stock;

/// <summary>Gives back the stock held for an order whose payment failed; a second release finds nothing to do.</summary>
public sealed class OrderPaymentFailedHandler(CatalogDbContext db, ChangedProducts changed, ILogger<OrderPaymentFailedHandler> logger)
    : IIntegrationEventHandler<OrderPaymentFailed>
{
    public async Task HandleAsync(OrderPaymentFailed integrationEvent, CancellationToken cancellationToken)
    {
        // Locked: a second release of the same order (another event, handled at the same time) waits here,
        // then finds the rows released and gives nothing back twice.
        var reservations = await db.Reservations
            .FromSql($"SELECT * FROM stock_reservations WHERE \"OrderId\" = {integrationEvent.OrderId} AND \"ReleasedAt\" IS NULL FOR UPDATE")
            .ToListAsync(cancellationToken);
        if (reservations.Count == 0)
        {
            return;
        }

        var ids = reservations.Select(r => r.ProductId).Order().ToArray();
        var items = await db.Items
            .FromSql($"SELECT * FROM catalog_items WHERE \"Id\" = ANY({ids}) ORDER BY \"Id\" FOR UPDATE")
            .ToDictionaryAsync(i => i.Id, cancellationToken);
        var now = DateTimeOffset.UtcNow;
        foreach (var reservation in reservations)
        {
            if (items.TryGetValue(reservation.ProductId, out var item))
            {
                item.AvailableStock += reservation.Quantity;
                changed.Add(item.Id);
            }

            reservation.ReleasedAt = now;
        }

        logger.LogInformation("Released stock of order {OrderId} ({Reason})", integrationEvent.OrderId, integrationEvent.Reason);
    }
}
