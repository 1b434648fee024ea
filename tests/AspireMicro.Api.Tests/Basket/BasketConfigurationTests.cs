using System.Net.Http.Json;
using System.Text.Json;
using AspireMicro.Api.Tests.Infrastructure;
using Basket.Api.Configuration;
using Basket.Api.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace AspireMicro.Api.Tests.Basket;

[Collection(ApiCollection.Name)]
public sealed class BasketConfigurationTests(ApiFixture fixture)
{
    [Fact]
    public async Task Basket_refuses_to_start_when_a_downstream_call_may_take_less_time_than_one_attempt()
    {
        // A plain host, not a WebApplicationFactory: a factory whose host fails to start keeps listening for the
        // next host built in this process and would hijack another test's service.
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:redis"] = fixture.Servers.Redis,
            ["Basket:DownstreamAttemptTimeout"] = "00:00:02",
            ["Basket:DownstreamTotalTimeout"] = "00:00:01",
        });
        builder.AddBasketServices();
        using var host = builder.Build();

        var exception = await Assert.ThrowsAsync<AggregateException>(() => host.StartAsync());

        // Once for the options themselves and once per HttpClient whose resilience budget reads them.
        Assert.All(exception.InnerExceptions, inner =>
        {
            var invalid = Assert.IsType<OptionsValidationException>(inner);
            Assert.Contains("DownstreamTotalTimeout", invalid.Message, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Basket_starts_with_a_longer_downstream_budget_and_still_prices_from_catalog()
    {
        await using var basket = new ServiceHost<BasketStore>(fixture.WithIdentity(new Dictionary<string, string?>
        {
            ["ConnectionStrings:redis"] = fixture.Servers.Redis,
            ["services:catalog:http:0"] = fixture.Catalog0.Url,
            ["Basket:DownstreamAttemptTimeout"] = "00:00:10",
            ["Basket:DownstreamTotalTimeout"] = "00:00:30",
        }));
        using var client = basket.CreateHttpClient(await fixture.NewBuyerAsync());

        var response = await client.PostAsJsonAsync("/api/basket/items", new { productId = 6, quantity = 1 }).AssertSuccessAsync();

        var line = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items")[0];
        Assert.Equal(6, line.GetProperty("productId").GetInt32());
        Assert.False(string.IsNullOrEmpty(line.GetProperty("productName").GetString()));
    }
}
