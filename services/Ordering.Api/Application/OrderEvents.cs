using AspireMicro.IntegrationEvents.Orders;
using Ordering.Api.Domain;

namespace Ordering.Api.Application;

/// <summary>Builds the integration events ordering publishes from the current state of an order.</summary>
public static class OrderEvents
{
    public static OrderSubmitted Submitted(Order order) =>
        new(order.Id, order.BuyerId, Items(order), order.Total) { OccurredAt = order.UpdatedAt };

    public static OrderStatusChanged StatusChanged(Order order) =>
        new(order.Id, order.BuyerId, order.Status, order.Total, Items(order)) { OccurredAt = order.UpdatedAt };

    private static List<OrderItemDto> Items(Order order) =>
        [.. order.Items.OrderBy(i => i.LineNumber)
            .Select(i => new OrderItemDto(i.ProductId, i.ProductName, i.Quantity, i.UnitPrice))];
}
