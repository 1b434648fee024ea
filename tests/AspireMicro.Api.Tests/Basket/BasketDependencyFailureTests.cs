using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AspireMicro.Api.Tests.Infrastructure;
using Basket.Api.Storage;

namespace AspireMicro.Api.Tests.Basket;

/// <summary>Basket's dependencies going away: a 503 problem with Retry-After that names what is down, never a 500.</summary>
[Collection(ApiCollection.Name)]
public sealed class BasketDependencyFailureTests(ApiFixture fixture)
{
    // Port 9 (discard) on loopback: nothing listens, so a connection is refused at once.
    private const string NothingListens = "127.0.0.1:9";

    [Fact]
    public async Task Checkout_when_ordering_is_unreachable_returns_503_naming_ordering_and_keeps_the_basket()
    {
        await using var basket = new ServiceHost<BasketStore>(fixture.WithIdentity(new Dictionary<string, string?>
        {
            ["ConnectionStrings:redis"] = fixture.Servers.Redis,
            ["services:catalog:http:0"] = fixture.Catalog0.Url,
            ["services:ordering:http:0"] = $"http://{NothingListens}",
        }));
        using var client = basket.CreateHttpClient(await fixture.NewBuyerAsync());
        await client.PostAsJsonAsync("/api/basket/items", new { productId = 4, quantity = 1 }).AssertSuccessAsync();

        var response = await client.PostAsync("/api/basket/checkout", null);

        await AssertUnavailableAsync(response, "ordering");
        var kept = await client.GetFromJsonAsync<JsonElement>("/api/basket");
        Assert.Equal(1, kept.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Reading_a_basket_when_redis_is_unreachable_returns_503_naming_redis()
    {
        await using var basket = new ServiceHost<BasketStore>(fixture.WithIdentity(new Dictionary<string, string?>
        {
            ["ConnectionStrings:redis"] = NothingListens,
            ["services:catalog:http:0"] = fixture.Catalog0.Url,
        }));
        using var client = basket.CreateHttpClient(await fixture.NewBuyerAsync());

        var response = await client.GetAsync("/api/basket");

        await AssertUnavailableAsync(response, "redis");
    }

    private static async Task AssertUnavailableAsync(HttpResponseMessage response, string dependency)
    {
        var problem = await response.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.Contains(dependency, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
