using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Basket.Api.Contracts;
using Basket.Api.Ordering;
using Basket.Api.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Basket.Api.Endpoints;

/// <summary>
/// Turns a basket into an order. The idempotency key is the basket's version (or the client's own
/// Idempotency-Key), so a retried checkout of the same basket yields the same order, and the basket is
/// cleared only after ordering has accepted it.
/// </summary>
public static class BasketCheckout
{
    public static async Task<Results<Ok<CheckoutResponse>, ValidationProblem, ContentHttpResult>> CheckoutAsync(
        ClaimsPrincipal user, HttpRequest httpRequest, BasketStore store, OrderingClient ordering, CancellationToken cancellationToken)
    {
        var buyerId = user.BuyerId();
        var errors = BasketValidator.ValidateBuyerId(buyerId);
        var clientKey = IdempotencyKey.Read(httpRequest);
        if (clientKey.Length > 0 && !IdempotencyKey.IsValid(clientKey))
        {
            errors[IdempotencyKey.HeaderName] = [$"{IdempotencyKey.HeaderName} is optional here; when sent it must be {IdempotencyKey.Rule}."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (clientKey.Length > 0 && await store.FindCheckoutAsync(buyerId, clientKey) is { } previousOrder)
        {
            // A retry of a checkout that already succeeded (its response may have been lost): same order, no new one.
            return TypedResults.Ok(new CheckoutResponse(previousOrder, clientKey));
        }

        var basket = await store.GetAsync(buyerId);
        if (basket is null || basket.Items.Count == 0)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["items"] = ["The basket is empty."] });
        }

        var key = OrderingKey(buyerId, clientKey, basket.Version);
        var order = new CreateOrderRequest(
            buyerId,
            basket.Items.Select(i => new OrderLine(i.ProductId, i.ProductName, i.UnitPrice, i.Quantity)).ToList());
        var placement = await ordering.PlaceOrderAsync(order, key, cancellationToken);
        if (!placement.Accepted)
        {
            // Ordering's own ProblemDetails say best what was wrong with the order.
            return TypedResults.Content(placement.ProblemJson ?? string.Empty, "application/problem+json", statusCode: placement.StatusCode);
        }

        var replyKey = clientKey.Length > 0 ? clientKey : key;
        await store.RememberCheckoutAsync(buyerId, replyKey, placement.OrderId!);
        await store.DeleteIfVersionAsync(buyerId, basket.Version);
        return TypedResults.Ok(new CheckoutResponse(placement.OrderId!, replyKey));
    }

    /// <summary>
    /// The key ordering deduplicates on, which is global there: the basket's version when the client sent none, else
    /// the client's key scoped to the buyer (hashed, so it stays within the one rule), so two buyers who happen to pick
    /// the same key never meet.
    /// </summary>
    private static string OrderingKey(string buyerId, string clientKey, Guid basketVersion)
    {
        if (clientKey.Length == 0)
        {
            return $"basket-{basketVersion:N}";
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{buyerId}\n{clientKey}"));
        return $"checkout-{Convert.ToHexStringLower(hash)[..40]}";
    }
}
