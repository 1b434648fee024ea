namespace Basket.Api.Model;

/// <summary>A line in a basket. Name and price are copied from catalog when the line is added.</summary>
public sealed record BasketItem(int ProductId, string ProductName, decimal UnitPrice, int Quantity);
