using AspireMicro.IntegrationEvents.Orders;
using Ordering.Api.Domain;

namespace Ordering.Api.Api;

public sealed record OrderResponse(
    Guid Id,
    string BuyerId,
    OrderStatus Status,
    decimal Total,
    string? CancellationReason,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<OrderItemResponse> Items)
{
    public static OrderResponse From(Order order) => new(
        order.Id,
        order.BuyerId,
        order.Status,
        order.Total,
        order.CancellationReason,
        order.CreatedAt,
        order.UpdatedAt,
        [.. order.Items.OrderBy(i => i.LineNumber)
            .Select(i => new OrderItemResponse(i.ProductId, i.ProductName, i.UnitPrice, i.Quantity))]);
}
