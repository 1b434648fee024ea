namespace Basket.Api.Contracts;

/// <summary>What a client may set for a line: price and name always come from catalog, never from the client.</summary>
public sealed record BasketLineRequest(int ProductId, int Quantity);
