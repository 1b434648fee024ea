namespace Basket.Api.Contracts;

public sealed record UpdateBasketRequest(IReadOnlyList<BasketLineRequest>? Items);
