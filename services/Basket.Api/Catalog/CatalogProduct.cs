namespace Basket.Api.Catalog;

/// <summary>The subset of catalog's item that basket needs.</summary>
public sealed record CatalogProduct(int Id, string Name, decimal Price, int AvailableStock);
