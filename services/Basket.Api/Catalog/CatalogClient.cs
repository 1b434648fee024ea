namespace Basket.Api.Catalog;

/// <summary>Looks products up in catalog at "http://catalog", resolved by service discovery.</summary>
public sealed class CatalogClient(HttpClient http)
{
    public async Task<IReadOnlyDictionary<int, CatalogProduct>> GetProductsAsync(IEnumerable<int> ids, CancellationToken cancellationToken)
    {
        var query = string.Join('&', ids.Distinct().Select(id => $"ids={id}"));
        try
        {
            var products = await http.GetFromJsonAsync<List<CatalogProduct>>($"/api/catalog/items/by-ids?{query}", cancellationToken);
            return (products ?? []).ToDictionary(p => p.Id);
        }
        // Connection refused, timeouts, an open circuit or a garbled body all mean the same thing to a caller.
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new DependencyUnavailableException("catalog", ex);
        }
    }
}
