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

    [Fact]
    public async Task Checkout_with_a_key_at_the_length_limit_is_accepted_by_basket_and_ordering()
    {
        var buyer = await fixture.NewBuyerAsync();
        using var client = fixture.Basket.CreateHttpClient(buyer);
        await client.PostAsJsonAsync("/api/basket/items", new { productId = 41, quantity = 1 }).AssertSuccessAsync();
        var key = ("k" + Guid.NewGuid().ToString("N")).PadRight(IdempotencyKey.MaxLength, 'x');

        var orderId = await Checkout(client, key);

        using var ordering = fixture.Ordering.CreateHttpClient(buyer);
        var order = await ordering.GetFromJsonAsync<JsonElement>($"/api/orders/{orderId}");
        Assert.Equal(buyer.Subject, order.GetProperty("buyerId").GetString());
    }

    [Fact]
    public async Task Two_buyers_using_the_same_key_get_an_order_each()
    {
        // A client-chosen key is the buyer's own: basket scopes it to the buyer before it reaches ordering.
        var key = $"shared-{Guid.NewGuid():N}";
        var orders = new List<string>();
        foreach (var buyer in new[] { await fixture.NewBuyerAsync(), await fixture.NewBuyerAsync() })
        {
            using var client = fixture.Basket.CreateHttpClient(buyer);
            await client.PostAsJsonAsync("/api/basket/items", new { productId = 41, quantity = 1 }).AssertSuccessAsync();
            orders.Add(await Checkout(client, key));
        }

        Assert.NotEqual(orders[0], orders[1]);
    }

    [Theory]
    [InlineData("one character too long")]
    [InlineData("with a space")]
    public async Task Checkout_with_a_key_outside_the_rule_returns_400_naming_the_header(string problem)
    {
        using var client = fixture.Basket.CreateHttpClient(await fixture.NewBuyerAsync());
        var key = problem == "with a space" ? "two words" : new string('k', IdempotencyKey.MaxLength + 1);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/basket/checkout");
        request.Headers.TryAddWithoutValidation(IdempotencyKey.HeaderName, key);

        var response = await client.SendAsync(request);

        await response.AssertProblemAsync(System.Net.HttpStatusCode.BadRequest, IdempotencyKey.HeaderName);
    }

    private static async Task<string> Checkout(HttpClient client, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/basket/checkout");
        request.Headers.Add("Idempotency-Key", key);
        var response = await client.SendAsync(request).AssertSuccessAsync();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("orderId").GetString()!;
    }
}
