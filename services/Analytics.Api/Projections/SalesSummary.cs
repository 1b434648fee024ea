namespace Analytics.Api.Projections;

/// <summary>What <c>/api/analytics/summary</c> returns and the SSE stream pushes.</summary>
public sealed record SalesSummary(
    long Version,
    int TotalOrders,
    IReadOnlyDictionary<string, int> OrdersByStatus,
    decimal Revenue,
    int OrdersLastMinute,
    IReadOnlyList<ProductSales> TopProducts,
    long DistinctEvents,
    DateTimeOffset? LastEventAt);
