namespace Ordering.Api.Api;

public sealed record OrderItemResponse(int ProductId, string ProductName, decimal UnitPrice, int Quantity);
