using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AspireMicro.Api.Tests.Infrastructure;

namespace AspireMicro.Api.Tests.Catalog;

[Collection(ApiCollection.Name)]
public sealed class CatalogItemsTests(ApiFixture fixture)
{
    [Fact]
    public async Task Seeded_catalog_has_at_least_100_products_and_pages_them_in_id_order()
    {
        using var client = fixture.Catalog0.CreateHttpClient();

        var first = await client.GetFromJsonAsync<JsonElement>("/api/catalog/items?pageIndex=0&pageSize=25");
        var second = await client.GetFromJsonAsync<JsonElement>("/api/catalog/items?pageIndex=1&pageSize=25");

        Assert.True(first.GetProperty("count").GetInt64() >= 100);
        var firstIds = first.GetProperty("data").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()).ToArray();
        var secondIds = second.GetProperty("data").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()).ToArray();
        Assert.Equal(Enumerable.Range(1, 25), firstIds);
        Assert.Equal(Enumerable.Range(26, 25), secondIds);
    }

    [Fact]
    public async Task Search_matches_name_case_insensitively_and_counts_only_matches()
    {
        using var client = fixture.Catalog0.CreateHttpClient();

        var page = await client.GetFromJsonAsync<JsonElement>("/api/catalog/items?q=BOOTS&pageSize=100");

        var names = page.GetProperty("data").EnumerateArray().Select(i => i.GetProperty("name").GetString()!).ToArray();
        Assert.NotEmpty(names);
        Assert.All(names, name => Assert.Contains("boots", name, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(names.Length, page.GetProperty("count").GetInt64());
    }

    [Fact]
    public async Task Search_treats_percent_sign_literally()
    {
        using var client = fixture.Catalog0.CreateHttpClient();

        var page = await client.GetFromJsonAsync<JsonElement>("/api/catalog/items?q=%25");

        Assert.Equal(0, page.GetProperty("count").GetInt64());
    }

    [Theory]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=101", "pageSize")]
    [InlineData("pageIndex=-1", "pageIndex")]
    [InlineData("pageSize=abc", "pageSize")]
    public async Task Out_of_range_or_malformed_paging_returns_400_naming_the_field(string query, string field)
    {
        using var client = fixture.Catalog0.CreateHttpClient();

        var response = await client.GetAsync($"/api/catalog/items?{query}");

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task Unknown_item_returns_404_problem()
    {
        using var client = fixture.Catalog0.CreateHttpClient();

        var response = await client.GetAsync("/api/catalog/items/999999");

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("{\"price\": -5}", "price")]
    [InlineData("{\"availableStock\": -1}", "availableStock")]
    [InlineData("{\"price\": \"cheap\"}", "price")]
    [InlineData("{\"price\": 10", "price")]
    public async Task Invalid_update_returns_400_naming_the_field(string json, string field)
    {
        using var client = fixture.Catalog0.CreateHttpClient(await fixture.AdminAsync());

        var response = await client.PutAsync("/api/catalog/items/7", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task Every_response_names_the_replica_that_served_it()
    {
        using var replica0 = fixture.Catalog0.CreateHttpClient();
        using var replica1 = fixture.Catalog1.CreateHttpClient();

        var first = await replica0.GetAsync("/api/catalog/items/1");
        var second = await replica1.GetAsync("/api/catalog/items/1");

        Assert.Equal("catalog-0", first.Headers.GetValues("X-Served-By").Single());
        Assert.Equal("catalog-1", second.Headers.GetValues("X-Served-By").Single());
    }
}
