namespace AspireMicro.IntegrationEvents.Orders;

/// <summary>Published by ordering when an order is accepted; catalog reserves stock for it.</summary>
public sealed record OrderSubmitted(Guid OrderId, string BuyerId, IReadOnlyList<OrderItemDto> Items, decimal Total)
    : IntegrationEvent;
