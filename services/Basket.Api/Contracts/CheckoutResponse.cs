namespace Basket.Api.Contracts;

public sealed record CheckoutResponse(string OrderId, string IdempotencyKey);
