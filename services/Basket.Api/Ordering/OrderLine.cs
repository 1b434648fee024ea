namespace Basket.Api.Ordering;

/// <summary>An order line in ordering's POST /api/orders body.</summary>
public sealed record OrderLine(int ProductId, string ProductName, decimal UnitPrice, int Quantity);
