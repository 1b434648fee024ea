using System.Net.Http.Json;
using System.Text.Json;
using AspireMicro.Api.Tests.Infrastructure;
using Microsoft.Extensions.Hosting;

namespace AspireMicro.Api.Tests.Basket;

[Collection(ApiCollection.Name)]
public sealed class CheckoutTests(ApiFixture fixture)
{
    [Fact]
    public async Task Checkout_through_the_gateway_creates_an_order_clears_the_basket_and_catalog_reserves_stock()
    {
        using var gateway = fixture.Gateway.CreateHttpClient();
        await gateway.PutAsJsonAsync("/api/catalog/items/40", new { availableStock = 50 }).AssertSuccessAsync();
        await gateway.DeleteAsync("/api/basket/buyer-checkout");
        await gateway.PostAsJsonAsync("/api/basket/buyer-checkout/items", new { productId = 40, quantity = 2 }).AssertSuccessAsync();

        var response = await gateway.PostAsync("/api/basket/buyer-checkout/checkout", null).AssertSuccessAsync();

        var orderId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("orderId").GetString();
        var basket = await gateway.GetFromJsonAsync<JsonElement>("/api/basket/buyer-checkout");
        Assert.Equal(0, basket.GetProperty("items").GetArrayLength());
        var order = await Eventually.WaitAsync(
            () => gateway.GetFromJsonAsync<JsonElement>($"/api/orders/{orderId}"),
            o => o.GetProperty("status").GetString() == "StockReserved",
            TimeSpan.FromSeconds(20),
            "catalog reserved the order's stock");
        Assert.Equal("buyer-checkout", order.GetProperty("buyerId").GetString());
        var product = await gateway.GetFromJsonAsync<JsonElement>("/api/catalog/items/40");
        Assert.Equal(48, product.GetProperty("availableStock").GetInt32());
    }

    [Fact]
    public async Task Retried_checkout_with_the_same_idempotency_key_returns_the_same_single_order()
    {
        using var client = fixture.Basket.CreateHttpClient();
        await client.DeleteAsync("/api/basket/buyer-retry");
        await client.PostAsJsonAsync("/api/basket/buyer-retry/items", new { productId = 41, quantity = 1 }).AssertSuccessAsync();
        var key = $"checkout-{Guid.NewGuid():N}";

        var first = await Checkout(client, key);
        var retry = await Checkout(client, key);

        Assert.Equal(first, retry);
        using var ordering = fixture.Ordering.CreateHttpClient();
        var orders = await ordering.GetFromJsonAsync<JsonElement>("/api/orders?buyerId=buyer-retry");
        Assert.Equal(1, orders.GetArrayLength());
    }

    [Fact]
    public async Task Checkout_with_a_key_at_the_length_limit_is_accepted_by_basket_and_ordering()
    {
        using var client = fixture.Basket.CreateHttpClient();
        await client.DeleteAsync("/api/basket/buyer-retry");
        await client.PostAsJsonAsync("/api/basket/buyer-retry/items", new { productId = 41, quantity = 1 }).AssertSuccessAsync();
        var key = ("k" + Guid.NewGuid().ToString("N")).PadRight(IdempotencyKey.MaxLength, 'x');

        var orderId = await Checkout(client, key);

        using var ordering = fixture.Ordering.CreateHttpClient();
        var order = await ordering.GetFromJsonAsync<JsonElement>($"/api/orders/{orderId}");
        Assert.Equal("buyer-retry", order.GetProperty("buyerId").GetString());
    }

    [Theory]
    [InlineData("one character too long")]
    [InlineData("with a space")]
    public async Task Checkout_with_a_key_outside_the_rule_returns_400_naming_the_header(string problem)
    {
        using var client = fixture.Basket.CreateHttpClient();
        var key = problem == "with a space" ? "two words" : new string('k', IdempotencyKey.MaxLength + 1);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/basket/buyer-retry/checkout");
        request.Headers.TryAddWithoutValidation(IdempotencyKey.HeaderName, key);

        var response = await client.SendAsync(request);

        await response.AssertProblemAsync(System.Net.HttpStatusCode.BadRequest, IdempotencyKey.HeaderName);
    }

    private static async Task<string> Checkout(HttpClient client, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/basket/buyer-retry/checkout");
        request.Headers.Add("Idempotency-Key", key);
        var response = await client.SendAsync(request).AssertSuccessAsync();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("orderId").GetString()!;
    }
}
