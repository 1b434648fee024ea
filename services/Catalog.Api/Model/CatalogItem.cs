namespace Catalog.Api.Model;

/// <summary>A product in the catalog. Stock is kept here so reservations can be checked in one transaction.</summary>
public sealed class CatalogItem
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string Description { get; set; }
    public required string Brand { get; set; }
    public required string Category { get; set; }
    public decimal Price { get; set; }
    public int AvailableStock { get; set; }
}
