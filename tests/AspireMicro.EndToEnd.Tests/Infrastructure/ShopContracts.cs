namespace AspireMicro.EndToEnd.Tests.Infrastructure;

// The services' public JSON, redeclared: the suite must fail if a service changes its contract, not follow it.
public sealed record CatalogItem(int Id, string Name, string Brand, decimal Price, int AvailableStock);

public sealed record CatalogPage(int PageIndex, int PageSize, long Count, IReadOnlyList<CatalogItem> Data);

public sealed record CheckoutResult(Guid OrderId);

public sealed record OrderView(Guid Id, string BuyerId, string Status, decimal Total, string? CancellationReason)
{
    public bool IsFinal => Status is "Paid" or "Cancelled";
}
