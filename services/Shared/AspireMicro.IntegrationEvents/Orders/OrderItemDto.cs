namespace AspireMicro.IntegrationEvents.Orders;

/// <summary>One order line as it travels in events (a copy, so consumers never need to call ordering).</summary>
public sealed record OrderItemDto(int ProductId, string ProductName, int Quantity, decimal UnitPrice);
