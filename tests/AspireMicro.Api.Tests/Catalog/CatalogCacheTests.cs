using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AspireMicro.Api.Tests.Infrastructure;
using StackExchange.Redis;

namespace AspireMicro.Api.Tests.Catalog;

[Collection(ApiCollection.Name)]
public sealed class CatalogCacheTests(ApiFixture fixture)
{
    [Fact]
    public async Task Second_read_is_a_cache_hit_stored_in_redis()
    {
        using var client = fixture.Catalog0.CreateHttpClient();

        var first = await client.GetAsync("/api/catalog/items/11");
        var second = await client.GetAsync("/api/catalog/items/11");

        Assert.Equal("miss", first.Headers.GetValues("X-Cache").Single());
        Assert.Equal("hit", second.Headers.GetValues("X-Cache").Single());
        await using var redis = await ConnectionMultiplexer.ConnectAsync(fixture.Servers.Redis);
        Assert.True(await redis.GetDatabase().KeyExistsAsync("catalog:item:11"));
    }

    [Fact]
    public async Task Price_update_on_one_replica_invalidates_the_cache_for_both()
    {
        using var writer = fixture.Catalog0.CreateHttpClient(await fixture.AdminAsync());
        using var reader = fixture.Catalog1.CreateHttpClient();
        await reader.GetAsync("/api/catalog/items/12");
        var cached = await reader.GetAsync("/api/catalog/items/12");
        Assert.Equal("hit", cached.Headers.GetValues("X-Cache").Single());

        var update = await writer.PutAsJsonAsync("/api/catalog/items/12", new { price = 77.50m, availableStock = 40 });
        update.EnsureSuccessStatusCode();
        var after = await reader.GetAsync("/api/catalog/items/12");

        Assert.Equal("miss", after.Headers.GetValues("X-Cache").Single());
        var item = await after.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(77.50m, item.GetProperty("price").GetDecimal());
        Assert.Equal(40, item.GetProperty("availableStock").GetInt32());
    }

    [Fact]
    public async Task Paused_redis_makes_reads_fall_back_to_the_database_quickly()
    {
        // A replica of its own, so an opened circuit does not leak into other tests.
        await using var catalog = fixture.StartCatalog("catalog-redis-paused");
        using var client = catalog.CreateHttpClient();
        await client.GetAsync("/api/catalog/items/13");

        await fixture.Servers.PauseRedisAsync();
        try
        {
            var timings = new List<TimeSpan>();
            for (var i = 0; i < 6; i++)
            {
                var watch = Stopwatch.StartNew();
                var response = await client.GetAsync($"/api/catalog/items/{13 + i}");
                timings.Add(watch.Elapsed);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.Equal("bypass", response.Headers.GetValues("X-Cache").Single());
            }

            // Each call waits at most the 250 ms operation timeout; once the circuit opens, not at all.
            Assert.All(timings, t => Assert.True(t < TimeSpan.FromSeconds(1.5), $"read took {t}"));
            Assert.True(timings[^1] < TimeSpan.FromMilliseconds(200), $"circuit did not open: {string.Join(", ", timings)}");
        }
        finally
        {
            await fixture.Servers.ResumeRedisAsync();
        }
    }
}
