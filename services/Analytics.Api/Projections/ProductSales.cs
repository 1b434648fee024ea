namespace Analytics.Api.Projections;

/// <summary>Units and value of one product over the orders that were not cancelled.</summary>
public sealed record ProductSales(int ProductId, string ProductName, int Quantity, decimal Value);
