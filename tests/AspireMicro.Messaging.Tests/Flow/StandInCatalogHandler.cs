using AspireMicro.EventBus.Abstractions;
using AspireMicro.EventBus.Outbox;
using AspireMicro.IntegrationEvents.Orders;
using AspireMicro.Messaging.Tests.Infrastructure;

namespace AspireMicro.Messaging.Tests.Flow;

/// <summary>
/// Plays catalog's part of the saga through the real bus: reserves unless a line asks for more than
/// <see cref="StockPerProduct"/> units. (The real catalog is tested by its owner.)
/// </summary>
public sealed class StandInCatalogHandler(TestBusDbContext db) : IIntegrationEventHandler<OrderSubmitted>
{
    public const int StockPerProduct = 100;

    public Task HandleAsync(OrderSubmitted integrationEvent, CancellationToken cancellationToken)
    {
        db.AddIntegrationEvent(integrationEvent.Items.All(i => i.Quantity <= StockPerProduct)
            ? new OrderStockReserved(integrationEvent.OrderId, integrationEvent.BuyerId, integrationEvent.Total)
            : new OrderStockRejected(integrationEvent.OrderId, "insufficient stock"));
        return Task.CompletedTask;
    }
}
