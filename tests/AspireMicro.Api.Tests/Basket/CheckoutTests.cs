using System.Net.Http.Json;
using System.Text.Json;
using AspireMicro.Api.Tests.Infrastructure;

namespace AspireMicro.Api.Tests.Basket;

[Collection(ApiCollection.Name)]
public sealed class CheckoutTests(ApiFixture fixture)
{
    [Fact]
    public async Task Checkout_through_the_gateway_creates_an_order_clears_the_basket_and_catalog_reserves_stock()
    {
        using (var admin = fixture.Gateway.CreateHttpClient(await fixture.AdminAsync()))
        {
            await admin.PutAsJsonAsync("/api/catalog/items/40", new { availableStock = 50 }).AssertSuccessAsync();
        }

        var buyer = await fixture.NewBuyerAsync();
        using var gateway = fixture.Gateway.CreateHttpClient(buyer);
        await gateway.PostAsJsonAsync("/api/basket/items", new { productId = 40, quantity = 2 }).AssertSuccessAsync();

        var response = await gateway.PostAsync("/api/basket/checkout", null).AssertSuccessAsync();

        var orderId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("orderId").GetString();
        var basket = await gateway.GetFromJsonAsync<JsonElement>("/api/basket");
        Assert.Equal(0, basket.GetProperty("items").GetArrayLength());
        var order = await Eventually.WaitAsync(
            () => gateway.GetFromJsonAsync<JsonElement>($"/api/orders/{orderId}"),
            o => o.GetProperty("status").GetString() == "StockReserved",
            TimeSpan.FromSeconds(20),
            "catalog reserved the order's stock");
        Assert.Equal(buyer.Subject, order.GetProperty("buyerId").GetString());
        var product = await gateway.GetFromJsonAsync<JsonElement>("/api/catalog/items/40");
        Assert.Equal(48, product.GetProperty("availableStock").GetInt32());
    }

    [Fact]
    public async Task Retried_checkout_with_the_same_idempotency_key_returns_the_same_single_order()
    {
        var buyer = await fixture.NewBuyerAsync();
        using var client = fixture.Basket.CreateHttpClient(buyer);
        await client.PostAsJsonAsync("/api/basket/items", new { productId = 41, quantity = 1 }).AssertSuccessAsync();
        var key = $"checkout-{Guid.NewGuid():N}";

        var first = await Checkout(client, key);
        var retry = await Checkout(client, key);

        Assert.Equal(first, retry);
        using var ordering = fixture.Ordering.CreateHttpClient(buyer);
        var orders = await ordering.GetFromJsonAsync<JsonElement>("/api/orders");
        Assert.Equal(1, orders.GetArrayLength());
    }

    private static async Task<string> Checkout(HttpClient client, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/basket/checkout");
        request.Headers.Add("Idempotency-Key", key);
        var response = await client.SendAsync(request).AssertSuccessAsync();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("orderId").GetString()!;
    }
}
