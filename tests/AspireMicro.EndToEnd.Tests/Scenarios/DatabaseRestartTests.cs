using System.Diagnostics;
using System.Net;
using Aspire.Hosting;
using Aspire.Hosting.Testing;
using AspireMicro.EndToEnd.Tests.Infrastructure;

namespace AspireMicro.EndToEnd.Tests.Scenarios;

[Collection(SharedAppCollection.Name)]
[Disruptive]
public sealed class DatabaseRestartTests(AppFixture fixture, ITestOutputHelper output)
{
    private static readonly TimeSpan FailFast = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task With_PostgreSQL_stopped_the_database_backed_services_answer_503_on_health_and_orders_resume_after_its_return()
    {
        output.WriteLine($"app started and healthy in {fixture.StartupTime.TotalSeconds:0.0} s; first checkout: {fixture.WarmUp}");
        var app = fixture.App;
        var product = (await fixture.Shop.SearchAsync()).First(p => p.AvailableStock > 5);
        // The buyer signs in before the outage: the identity service keeps its users in the same PostgreSQL.
        var buyer = await fixture.Shop.NewBuyerAsync();
        var before = await fixture.Shop.BuyAsync(product.Id, buyer);
        Assert.Equal("Paid", (await fixture.Shop.WaitForFinalAsync(before, TimeSpan.FromSeconds(60))).Status);

        // Catalog's, ordering's and payment's /health check their database. Aspire re-checks a healthy resource
        // only every 30 s, so ask the services' own /health endpoints, as a load balancer would.
        string[] databaseBacked = ["catalog", "ordering", "payment"];
        var sickAll = await DuringOutageAsync(() => Task.WhenAll(databaseBacked.Select(name =>
            Eventually.GetAsync(() => HealthAsync(name), s => s == HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(30), $"{name} /health to answer 503"))));
        foreach (var (name, status) in databaseBacked.Zip(sickAll))
        {
            output.WriteLine($"postgres down: {name} /health answered {(int)status}");
        }

        var statusesDuringRecovery = new List<int>();
        await Eventually.GetAsync(
            async () =>
            {
                using var response = await fixture.Gateway.GetAsync("/api/catalog/items?pageSize=5");
                statusesDuringRecovery.Add((int)response.StatusCode);
                return response.StatusCode;
            },
            s => s == HttpStatusCode.OK, TimeSpan.FromSeconds(30), "the catalog list to answer 200 again");
        output.WriteLine($"catalog list after the restart: {string.Join(", ", statusesDuringRecovery)}");
        var after = await Eventually.GetAsync(
            async () => await fixture.Shop.BuyAsync(product.Id, buyer), id => id is not null, TimeSpan.FromSeconds(30), "a checkout to succeed again");
        var order = await fixture.Shop.WaitForFinalAsync(after, TimeSpan.FromSeconds(60));
        output.WriteLine($"orders placed 2 (one before, one after the outage): before Paid, after {order.Status}");

        Assert.All(sickAll, status => Assert.Equal(HttpStatusCode.ServiceUnavailable, status));
        Assert.Equal("Paid", order.Status);
    }

    [Fact]
    public async Task While_PostgreSQL_is_down_the_APIs_answer_503_within_5_seconds()
    {
        var product = (await fixture.Shop.SearchAsync()).First(p => p.AvailableStock > 5);
        var existing = await fixture.Shop.BuyAsync(product.Id);
        // A basket ready to check out, so the checkout probe reaches ordering (whose database is down).
        await fixture.Shop.SetBasketAsync(existing.Buyer, product.Id, 1);
        var probes = await DuringOutageAsync(async () =>
        {
            var results = new List<(string What, HttpStatusCode Status, TimeSpan Elapsed)>();
            foreach (var (what, send) in Probes(product.Id, existing))
            {
                var watch = Stopwatch.StartNew();
                using var response = await send();
                results.Add((what, response.StatusCode, watch.Elapsed));
            }

            return results;
        });
        foreach (var (what, status, elapsed) in probes)
        {
            output.WriteLine($"postgres down: {what} → {(int)status} in {elapsed.TotalMilliseconds:0} ms");
        }

        var fast503 = probes.Count(p => p.Status == HttpStatusCode.ServiceUnavailable && p.Elapsed < FailFast);
        output.WriteLine($"{fast503} of {probes.Count} probes answered 503 within {FailFast.TotalSeconds:0} s");
        Assert.All(probes, p => Assert.True(p.Elapsed < FailFast, $"{p.What} took {p.Elapsed.TotalSeconds:0.0} s"));
        Assert.All(probes, p => Assert.Equal(HttpStatusCode.ServiceUnavailable, p.Status));
    }

    /// <summary>Stops PostgreSQL, runs <paramref name="during"/>, and always brings it back and waits for the services to be Healthy.</summary>
    private async Task<T> DuringOutageAsync<T>(Func<Task<T>> during)
    {
        var app = fixture.App;
        await app.StopResourceAsync("postgres");
        try
        {
            return await during();
        }
        finally
        {
            await app.StartResourceAsync("postgres");
            var recovery = Stopwatch.StartNew();
            using var healthy = new CancellationTokenSource(TimeSpan.FromSeconds(90));
            await app.ResourceNotifications.WaitForResourceHealthyAsync("catalog", healthy.Token);
            await app.ResourceNotifications.WaitForResourceHealthyAsync("ordering", healthy.Token);
            await app.ResourceNotifications.WaitForResourceHealthyAsync("payment", healthy.Token);
            await app.ResourceNotifications.WaitForResourceHealthyAsync("identity", healthy.Token);
            output.WriteLine($"catalog, ordering, payment and identity Healthy {recovery.ElapsedMilliseconds} ms after postgres started again");
            // Pooled connections died with the server: leave only once a database-backed read works again.
            await Eventually.GetAsync(
                async () =>
                {
                    using var response = await fixture.Gateway.GetAsync("/api/catalog/items?pageSize=1");
                    return response.StatusCode;
                },
                s => s == HttpStatusCode.OK, TimeSpan.FromSeconds(30), "the catalog list to answer 200 after the outage");
        }
    }

    private async Task<HttpStatusCode> HealthAsync(string service)
    {
        using var client = fixture.App.CreateHttpClient(service);
        using var response = await client.GetAsync("/health");
        return response.StatusCode;
    }

    private IEnumerable<(string What, Func<Task<HttpResponseMessage>> Send)> Probes(int productId, PlacedOrder order)
    {
        var shop = fixture.Shop;
        yield return ("GET /api/catalog/items", () => fixture.Gateway.GetAsync("/api/catalog/items?pageSize=5"));
        yield return ("GET /api/orders/{id}", () => shop.SendAsync(order.Buyer, HttpMethod.Get, $"/api/orders/{order.Id}"));
        yield return ("add to basket (catalog lookup)", () => shop.SendAsync(order.Buyer, HttpMethod.Post, "/api/basket/items",
            new StringContent($"{{\"productId\":{productId},\"quantity\":1}}", System.Text.Encoding.UTF8, "application/json")));
        // Orders are created only by basket's checkout (the gateway does not route POST /api/orders).
        yield return ("POST /api/basket/checkout (ordering's insert)", () => shop.SendAsync(order.Buyer, HttpMethod.Post, "/api/basket/checkout"));
    }
}
