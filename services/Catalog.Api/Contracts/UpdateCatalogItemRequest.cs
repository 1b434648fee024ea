namespace Catalog.Api.Contracts;

/// <summary>Partial update: omitted fields keep their value.</summary>
public sealed record UpdateCatalogItemRequest(decimal? Price, int? AvailableStock)
{
    public const decimal MaxPrice = 1_000_000m;

    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (Price is null && AvailableStock is null)
        {
            errors["price"] = ["Provide price and/or availableStock."];
        }

        if (Price is { } price && (price <= 0 || price > MaxPrice))
        {
            errors["price"] = [$"price must be greater than 0 and at most {MaxPrice}."];
        }

        if (AvailableStock is < 0)
        {
            errors["availableStock"] = ["availableStock must be 0 or greater."];
        }

        return errors;
    }
}
