namespace AspireMicro.IntegrationEvents.Orders;

/// <summary>Published by catalog when the order cannot be reserved; ordering cancels it.</summary>
public sealed record OrderStockRejected(Guid OrderId, string Reason) : IntegrationEvent;
