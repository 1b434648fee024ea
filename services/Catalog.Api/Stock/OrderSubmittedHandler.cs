using AspireMicro.EventBus.Abstractions;
using AspireMicro.EventBus.Outbox;
using AspireMicro.IntegrationEvents.Orders;
using Catalog.Api.Data;
using Catalog.Api.Model;
using Microsoft.EntityFrameworkCore;

namespace Catalog.Api.Stock;

/// <summary>
/// Reserves every line of a submitted order or none of them. Runs inside the EventBus transaction,
/// so the stock change, the reservation rows and the outcome event commit together.
/// </summary>
public sealed class OrderSubmittedHandler(CatalogDbContext db, ChangedProducts changed, ILogger<OrderSubmittedHandler> logger)
    : IIntegrationEventHandler<OrderSubmitted>
{
    public async Task HandleAsync(OrderSubmitted integrationEvent, CancellationToken cancellationToken)
    {
        var (duplicate, reason) = await TryReserveAsync(integrationEvent, cancellationToken);
        if (duplicate)
        {
            logger.LogInformation("Order {OrderId} already holds its stock; ignoring", integrationEvent.OrderId);
        }
        else if (reason is null)
        {
            db.AddIntegrationEvent(new OrderStockReserved(integrationEvent.OrderId, integrationEvent.BuyerId, integrationEvent.Total));
            logger.LogInformation("Reserved stock for order {OrderId}", integrationEvent.OrderId);
        }
        else
        {
            db.AddIntegrationEvent(new OrderStockRejected(integrationEvent.OrderId, reason));
            logger.LogInformation("Rejected order {OrderId}: {Reason}", integrationEvent.OrderId, reason);
        }
    }

    /// <summary>Duplicate: the order was reserved before; otherwise the rejection reason, null when reserved.</summary>
    private async Task<(bool Duplicate, string? Reason)> TryReserveAsync(OrderSubmitted order, CancellationToken cancellationToken)
    {
        if (order.Items.Count == 0 || order.Items.Any(i => i.Quantity <= 0))
        {
            return (false, "The order has no lines or a line with a non-positive quantity.");
        }

        var wanted = order.Items.GroupBy(i => i.ProductId).ToDictionary(g => g.Key, g => g.Sum(i => i.Quantity));
        var ids = wanted.Keys.Order().ToArray();
        // Row locks in id order: two replicas reserving overlapping orders queue up instead of deadlocking.
        var items = await db.Items
            .FromSql($"SELECT * FROM catalog_items WHERE \"Id\" = ANY({ids}) ORDER BY \"Id\" FOR UPDATE")
            .ToDictionaryAsync(i => i.Id, cancellationToken);

        // Another event for the same order may have reserved while we waited for the locks: reserve once.
        if (await db.Reservations.AnyAsync(r => r.OrderId == order.OrderId, cancellationToken))
        {
            return (true, null);
        }

        var missing = ids.Where(id => !items.ContainsKey(id)).ToArray();
        if (missing.Length > 0)
        {
            return (false, $"Unknown product(s): {string.Join(", ", missing)}.");
        }

        var shortages = ids.Where(id => items[id].AvailableStock < wanted[id]).ToArray();
        if (shortages.Length > 0)
        {
            return (false, "Insufficient stock for: " + string.Join(", ",
                shortages.Select(id => $"{items[id].Name} (wanted {wanted[id]}, available {items[id].AvailableStock})")) + ".");
        }

        var now = DateTimeOffset.UtcNow;
        foreach (var id in ids)
        {
            items[id].AvailableStock -= wanted[id];
            changed.Add(id);
            db.Reservations.Add(new StockReservation { OrderId = order.OrderId, ProductId = id, Quantity = wanted[id], ReservedAt = now });
        }

        return (false, null);
    }
}
