namespace Catalog.Api.Stock;

/// <summary>Per-scope list of products whose stock a transaction changed; their cache entries go once it commits.</summary>
public sealed class ChangedProducts
{
    private readonly HashSet<int> _ids = [];

    public void Add(int productId) => _ids.Add(productId);

    public IReadOnlyCollection<int> TakeAll()
    {
        var ids = _ids.ToArray();
        _ids.Clear();
        return ids;
    }
}
