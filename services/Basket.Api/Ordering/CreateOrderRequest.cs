namespace Basket.Api.Ordering;

public sealed record CreateOrderRequest(string BuyerId, IReadOnlyList<OrderLine> Items);
