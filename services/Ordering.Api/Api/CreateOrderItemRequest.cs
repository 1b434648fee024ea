namespace Ordering.Api.Api;

public sealed record CreateOrderItemRequest(int? ProductId, string? ProductName, decimal? UnitPrice, int? Quantity);
