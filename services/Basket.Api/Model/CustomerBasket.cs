namespace Basket.Api.Model;

/// <summary>
/// One buyer's basket. <see cref="Version"/> changes on every edit: the checkout idempotency key is
/// derived from it, so retrying the checkout of an unchanged basket can never create a second order.
/// </summary>
public sealed record CustomerBasket(string BuyerId, IReadOnlyList<BasketItem> Items, Guid Version)
{
    public decimal Total => Items.Sum(i => i.UnitPrice * i.Quantity);

    public static CustomerBasket Empty(string buyerId) => new(buyerId, [], Guid.Empty);
}
