using Catalog.Api.Model;

namespace Catalog.Api.Data;

/// <summary>
/// Generates the demo catalog in code: the same input always yields the same products,
/// so tests and both replicas agree on ids, names and prices without shipping a data file.
/// </summary>
public static class CatalogSeed
{
    public const int ProductCount = 120;

    private static readonly string[] Adjectives =
        ["Alpine", "Trail", "Summit", "Urban", "Coastal", "Desert", "Forest", "Glacier", "Canyon", "Prairie"];

    private static readonly (string Category, string[] Nouns)[] Categories =
    [
        ("Footwear", ["Boots", "Sneakers", "Sandals"]),
        ("Outerwear", ["Jacket", "Parka", "Vest"]),
        ("Gear", ["Backpack", "Tent", "Headlamp"]),
        ("Accessories", ["Cap", "Gloves", "Bottle"]),
    ];

    private static readonly string[] Brands = ["Northwind", "Contoso", "Fabrikam", "Tailspin", "Adatum"];

    public static IReadOnlyList<CatalogItem> Generate()
    {
        var items = new List<CatalogItem>(ProductCount);
        for (var index = 0; index < ProductCount; index++)
        {
            var (category, nouns) = Categories[index % Categories.Length];
            var noun = nouns[index / Categories.Length % nouns.Length];
            var adjective = Adjectives[index / (Categories.Length * 3) % Adjectives.Length];
            var brand = Brands[index % Brands.Length];
            var id = index + 1;
            items.Add(new CatalogItem
            {
                Id = id,
                Name = $"{adjective} {noun} {id:D3}",
                Description = $"{brand} {adjective.ToLowerInvariant()} {noun.ToLowerInvariant()} for everyday adventures.",
                Brand = brand,
                Category = category,
                // Prices from 5.99 to 204.99 in a spread that looks hand-made but is reproducible.
                Price = 5.99m + (id * 37 % 200),
                AvailableStock = 20 + (id * 13 % 80),
            });
        }

        return items;
    }
}
