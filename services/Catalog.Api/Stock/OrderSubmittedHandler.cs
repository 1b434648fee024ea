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
        var reason = await TryReserveAsync(integrationEvent, cancellationToken);
        if (reason is null)
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

    private async Task<string?> TryReserveAsync(OrderSubmitted order, CancellationToken cancellationToken)
    {
        if (order.Items.Count == 0 || order.Items.Any(i => i.Quantity <= 0))
        {
            return "The order has no lines or a line with a non-positive quantity.";
        }

        var wanted = order.Items.GroupBy(i => i.ProductId).ToDictionary(g => g.Key, g => g.Sum(i => i.Quantity));
        var ids = wanted.Keys.Order().ToArray();
        // Row locks in id order: two replicas reserving overlapping orders queue up instead of deadlocking.
        var items = await db.Items
            .FromSql($"SELECT * FROM catalog_items WHERE \"Id\" = ANY({ids}) ORDER BY \"Id\" FOR UPDATE")
            .ToDictionaryAsync(i => i.Id, cancellationToken);

        var missing = ids.Where(id => !items.ContainsKey(id)).ToArray();
        if (missing.Length > 0)
        {
            return $"Unknown product(s): {string.Join(", ", missing)}.";
        }

        var shortages = ids.Where(id => items[id].AvailableStock < wanted[id]).ToArray();
        if (shortages.Length > 0)
        {
            return "Insufficient stock for: " + string.Join(", ",
                shortages.Select(id => $"{items[id].Name} (wanted {wanted[id]}, available {items[id].AvailableStock})")) + ".";
        }

        var now = DateTimeOffset.UtcNow;
        foreach (var id in ids)
        {
            items[id].AvailableStock -= wanted[id];
            changed.Add(id);
            db.Reservations.Add(new StockReservation { OrderId = order.OrderId, ProductId = id, Quantity = wanted[id], ReservedAt = now });
        }

        return null;
    }
}
