using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AspireMicro.Api.Tests.Infrastructure;
using Basket.Api.Storage;
using StackExchange.Redis;

namespace AspireMicro.Api.Tests.Basket;

[Collection(ApiCollection.Name)]
public sealed class BasketTests(ApiFixture fixture)
{
    [Fact]
    public async Task Basket_lines_get_name_and_price_from_catalog_not_from_the_client()
    {
        using var client = fixture.Basket.CreateHttpClient(await fixture.NewBuyerAsync());

        var response = await client.PutAsJsonAsync("/api/basket", new
        {
            items = new[] { new { productId = 2, quantity = 3, unitPrice = 0.01m } },
        }).AssertSuccessAsync();

        var basket = await response.Content.ReadFromJsonAsync<JsonElement>();
        var line = basket.GetProperty("items")[0];
        using var catalog = fixture.Catalog0.CreateHttpClient();
        var product = await catalog.GetFromJsonAsync<JsonElement>("/api/catalog/items/2");
        Assert.Equal(product.GetProperty("price").GetDecimal(), line.GetProperty("unitPrice").GetDecimal());
        Assert.Equal(product.GetProperty("name").GetString(), line.GetProperty("productName").GetString());
        Assert.Equal(3, line.GetProperty("quantity").GetInt32());
    }

    [Fact]
    public async Task Adding_the_same_product_twice_sums_the_quantity()
    {
        using var client = fixture.Basket.CreateHttpClient(await fixture.NewBuyerAsync());

        await client.PostAsJsonAsync("/api/basket/items", new { productId = 5, quantity = 1 });
        var response = await client.PostAsJsonAsync("/api/basket/items", new { productId = 5, quantity = 2 });

        var basket = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(3, basket.GetProperty("items")[0].GetProperty("quantity").GetInt32());
    }

    [Fact]
    public async Task Unknown_product_returns_400_naming_the_line()
    {
        using var client = fixture.Basket.CreateHttpClient(await fixture.NewBuyerAsync());

        var response = await client.PutAsJsonAsync("/api/basket", new
        {
            items = new[] { new { productId = 1, quantity = 1 }, new { productId = 987654, quantity = 1 } },
        });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "items[1].productId");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    [InlineData(100_000)]
    public async Task Quantity_out_of_range_returns_400_naming_the_field(int quantity)
    {
        using var client = fixture.Basket.CreateHttpClient(await fixture.NewBuyerAsync());

        var response = await client.PostAsJsonAsync("/api/basket/items", new { productId = 1, quantity });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "quantity");
    }

    [Fact]
    public async Task Malformed_json_returns_400_not_500()
    {
        using var client = fixture.Basket.CreateHttpClient(await fixture.NewBuyerAsync());

        var response = await client.PutAsync(
            "/api/basket", new StringContent("{\"items\": [ {\"productId\": 1, ", System.Text.Encoding.UTF8, "application/json"));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Empty_body_returns_400_naming_the_body()
    {
        using var client = fixture.Basket.CreateHttpClient(await fixture.NewBuyerAsync());
        using var empty = new StringContent(string.Empty, System.Text.Encoding.UTF8, "application/json");

        var response = await client.PutAsync("/api/basket", empty);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "body");
        Assert.DoesNotContain("Implicit body", problem.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_buyer_id_in_the_path_is_not_a_route_the_basket_is_the_callers_own()
    {
        using var client = fixture.Basket.CreateHttpClient(await fixture.NewBuyerAsync());

        var response = await client.GetAsync("/api/basket/someone-else");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Without_a_token_the_basket_answers_401_problem()
    {
        using var client = fixture.Basket.CreateHttpClient();

        var response = await client.GetAsync("/api/basket");

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Basket_is_stored_with_the_configured_time_to_live()
    {
        var buyer = await fixture.NewBuyerAsync();
        using var client = fixture.Basket.CreateHttpClient(buyer);

        await client.PostAsJsonAsync("/api/basket/items", new { productId = 3, quantity = 1 }).AssertSuccessAsync();

        await using var redis = await ConnectionMultiplexer.ConnectAsync(fixture.Servers.Redis);
        var ttl = await redis.GetDatabase().KeyTimeToLiveAsync(BasketStore.Key(buyer.Subject));
        Assert.NotNull(ttl);
        Assert.InRange(ttl.Value, TimeSpan.FromMinutes(29), TimeSpan.FromMinutes(30));
    }

    [Fact]
    public async Task Basket_expires_after_its_time_to_live()
    {
        await using var basket = new ServiceHost<BasketStore>(fixture.WithIdentity(new Dictionary<string, string?>
        {
            ["ConnectionStrings:redis"] = fixture.Servers.Redis,
            ["services:catalog:http:0"] = fixture.Catalog0.Url,
            ["Basket:TimeToLive"] = "00:00:01",
        }));
        using var client = basket.CreateHttpClient(await fixture.NewBuyerAsync());
        await client.PostAsJsonAsync("/api/basket/items", new { productId = 3, quantity = 1 }).AssertSuccessAsync();

        // Redis expires keys on its own clock: wait for it (bounded) rather than sleep a guess.
        var after = await Eventually.WaitAsync(
            () => client.GetFromJsonAsync<JsonElement>("/api/basket"),
            basket => basket.GetProperty("items").GetArrayLength() == 0,
            TimeSpan.FromSeconds(30),
            "the basket has expired");

        Assert.Equal(0, after.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Checkout_with_empty_basket_returns_400()
    {
        using var client = fixture.Basket.CreateHttpClient(await fixture.NewBuyerAsync());

        var response = await client.PostAsync("/api/basket/checkout", null);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "items");
    }
}
