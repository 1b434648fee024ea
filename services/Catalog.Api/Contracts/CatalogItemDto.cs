using Catalog.Api.Model;

namespace Catalog.Api.Contracts;

public sealed record CatalogItemDto(int Id, string Name, string Description, string Brand, string Category, decimal Price, int AvailableStock)
{
    public static CatalogItemDto From(CatalogItem item) =>
        new(item.Id, item.Name, item.Description, item.Brand, item.Category, item.Price, item.AvailableStock);
}
