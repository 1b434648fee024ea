namespace AspireMicro.IntegrationEvents.Orders;

/// <summary>
/// Emitted by ordering on every transition, including the initial Submitted, with the whole order
/// so that read models (analytics) can be built from this one event type.
/// </summary>
public sealed record OrderStatusChanged(
    Guid OrderId,
    string BuyerId,
    OrderStatus Status,
    decimal Total,
    IReadOnlyList<OrderItemDto> Items) : IntegrationEvent;
