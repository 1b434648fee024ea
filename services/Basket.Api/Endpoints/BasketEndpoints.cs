using System.Security.Claims;
using Basket.Api.Catalog;
using Basket.Api.Configuration;
using Basket.Api.Contracts;
using Basket.Api.Model;
using Basket.Api.Ordering;
using Basket.Api.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Basket.Api.Endpoints;

public static class BasketEndpoints
{
    public static IEndpointRouteBuilder MapBasketEndpoints(this IEndpointRouteBuilder app)
    {
        // The caller's own basket: the buyer is the access token's sub, never a path segment.
        var api = app.MapGroup("/api/basket").WithTags("Basket").RequireAuthorization(TokenValidationExtensions.BuyerPolicy);
        api.MapGet("/", GetBasket);
        api.MapPut("/", ReplaceBasket);
        api.MapDelete("/", DeleteBasket);
        api.MapPost("/items", AddItem);
        api.MapDelete("/items/{productId:int}", RemoveItem);
        api.MapPost("/checkout", BasketCheckout.CheckoutAsync);
        return app;
    }

    private static async Task<Results<Ok<CustomerBasket>, ValidationProblem>> GetBasket(ClaimsPrincipal user, BasketStore store)
    {
        var buyerId = user.BuyerId();
        var errors = BasketValidator.ValidateBuyerId(buyerId);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        return TypedResults.Ok(await store.GetAsync(buyerId) ?? CustomerBasket.Empty(buyerId));
    }

    private static async Task<Results<Ok<CustomerBasket>, ValidationProblem>> ReplaceBasket(
        ClaimsPrincipal user, UpdateBasketRequest request, BasketStore store, CatalogClient catalog,
        IOptions<BasketOptions> options, CancellationToken cancellationToken)
    {
        var buyerId = user.BuyerId();
        var errors = BasketValidator.ValidateBuyerId(buyerId);
        foreach (var (field, messages) in BasketValidator.ValidateLines(request.Items, options.Value))
        {
            errors[field] = messages;
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        return await PriceAndSaveAsync(buyerId, request.Items!, store, catalog, cancellationToken);
    }

    private static async Task<Results<Ok<CustomerBasket>, ValidationProblem>> AddItem(
        ClaimsPrincipal user, BasketLineRequest line, BasketStore store, CatalogClient catalog,
        IOptions<BasketOptions> options, CancellationToken cancellationToken)
    {
        var buyerId = user.BuyerId();
        var errors = BasketValidator.ValidateBuyerId(buyerId);
        foreach (var (field, messages) in BasketValidator.ValidateLines([line], options.Value))
        {
            // A single line is addressed by its own field names, not as items[0].
            errors[field.Replace("items[0].", string.Empty, StringComparison.Ordinal)] = messages;
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var current = await store.GetAsync(buyerId) ?? CustomerBasket.Empty(buyerId);
        var lines = current.Items.Select(i => new BasketLineRequest(i.ProductId, i.Quantity)).ToList();
        var existing = lines.FindIndex(l => l.ProductId == line.ProductId);
        if (existing >= 0)
        {
            lines[existing] = lines[existing] with { Quantity = lines[existing].Quantity + line.Quantity };
        }
        else
        {
            lines.Add(line);
        }

        var merged = BasketValidator.ValidateLines(lines, options.Value);
        if (merged.Count > 0)
        {
            return TypedResults.ValidationProblem(merged.ToDictionary(
                e => e.Key.StartsWith("items[", StringComparison.Ordinal) ? "quantity" : e.Key, e => e.Value));
        }

        return await PriceAndSaveAsync(buyerId, lines, store, catalog, cancellationToken);
    }

    private static async Task<Results<Ok<CustomerBasket>, ValidationProblem>> RemoveItem(
        ClaimsPrincipal user, int productId, BasketStore store)
    {
        var buyerId = user.BuyerId();
        var errors = BasketValidator.ValidateBuyerId(buyerId);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var current = await store.GetAsync(buyerId) ?? CustomerBasket.Empty(buyerId);
        var remaining = current.Items.Where(i => i.ProductId != productId).ToList();
        return TypedResults.Ok(await store.SaveAsync(buyerId, remaining));
    }

    private static async Task<Results<NoContent, ValidationProblem>> DeleteBasket(ClaimsPrincipal user, BasketStore store)
    {
        var buyerId = user.BuyerId();
        var errors = BasketValidator.ValidateBuyerId(buyerId);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        await store.DeleteAsync(buyerId);
        return TypedResults.NoContent();
    }

    /// <summary>Every line is checked against catalog, which is also the only source of name and price.</summary>
    private static async Task<Results<Ok<CustomerBasket>, ValidationProblem>> PriceAndSaveAsync(
        string buyerId, IReadOnlyList<BasketLineRequest> lines, BasketStore store, CatalogClient catalog, CancellationToken cancellationToken)
    {
        var products = lines.Count == 0
            ? new Dictionary<int, CatalogProduct>()
            : await catalog.GetProductsAsync(lines.Select(l => l.ProductId), cancellationToken);
        var errors = new Dictionary<string, string[]>();
        var items = new List<BasketItem>(lines.Count);
        for (var i = 0; i < lines.Count; i++)
        {
            if (!products.TryGetValue(lines[i].ProductId, out var product))
            {
                errors[lines.Count == 1 ? "productId" : $"items[{i}].productId"] = [$"Product {lines[i].ProductId} does not exist in the catalog."];
                continue;
            }

            items.Add(new BasketItem(product.Id, product.Name, product.Price, lines[i].Quantity));
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        return TypedResults.Ok(await store.SaveAsync(buyerId, items));
    }
}
