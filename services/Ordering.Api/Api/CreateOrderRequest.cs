namespace Ordering.Api.Api;

/// <summary>Body of <c>POST /api/orders</c>. Everything is nullable so "missing" can be told from "zero".</summary>
public sealed record CreateOrderRequest(string? BuyerId, IReadOnlyList<CreateOrderItemRequest?>? Items);
