namespace AspireMicro.IntegrationEvents.Orders;

/// <summary>Published by catalog when every line of the order could be reserved; payment charges it.</summary>
public sealed record OrderStockReserved(Guid OrderId, string BuyerId, decimal Total) : IntegrationEvent;
