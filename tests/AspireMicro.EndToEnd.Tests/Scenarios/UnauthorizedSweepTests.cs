using System.Buffers.Text;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AspireMicro.EndToEnd.Tests.Infrastructure;
using AspireMicro.Testing;

namespace AspireMicro.EndToEnd.Tests.Scenarios;

/// <summary>
/// The issue's promise, swept: through the public gateway no request without a valid token changes any state, and
/// no buyer reads or changes another's data. Every request here must be refused (no 2xx), and the victim's basket,
/// order, the catalog and the order count must be exactly as before.
/// </summary>
[Collection(SharedAppCollection.Name)]
public sealed class UnauthorizedSweepTests(AppFixture fixture, ITestOutputHelper output)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task Hundreds_of_unauthenticated_and_cross_user_requests_through_the_gateway_are_all_refused_and_change_nothing()
    {
        var shop = fixture.Shop;
        var product = (await shop.SearchAsync()).First(p => p.AvailableStock > 5);
        var victim = await shop.NewBuyerAsync();
        var intruder = await shop.NewBuyerAsync();
        var order = await shop.BuyAsync(product.Id, victim);
        await shop.WaitForFinalAsync(order, TimeSpan.FromSeconds(60));
        await shop.SetBasketAsync(victim, product.Id, 2);
        var before = await SnapshotAsync(victim, order.Id, product.Id);
        var notForApi = await fixture.Identity.PasswordTokenAsync(intruder.UserName, IdentityTestClient.BuyerPassword, "profile roles");

        // Who knocks: nobody, garbage, a forged "alg: none" token, the victim's token re-signed by nobody with the
        // intruder's name on it, a real token not meant for the API, and the intruder's own valid token.
        var callers = new (string Name, string? Authorization, bool CrossUserOnly)[]
        {
            ("no token", null, false),
            ("garbage bearer", "Bearer not-a-token", false),
            ("basic auth", "Basic " + Convert.ToBase64String(Encoding.ASCII.GetBytes("buyer:password")), false),
            ("alg none", "Bearer " + Unsigned(victim.AccessToken), false),
            ("tampered sub", "Bearer " + AuthorizationTests.WithSubject(intruder.AccessToken, victim.Subject), false),
            ("wrong audience", "Bearer " + notForApi, false),
            ("intruder's valid token", "Bearer " + intruder.AccessToken, true),
        };
        var counts = new Dictionary<string, Dictionary<int, int>>();
        var accepted = new List<string>();
        var total = 0;
        foreach (var (name, authorization, crossUserOnly) in callers)
        {
            var statuses = counts[name] = [];
            foreach (var (method, path, body) in Targets(victim, order.Id, product.Id, crossUserOnly))
            {
                using var request = new HttpRequestMessage(method, path)
                {
                    Content = body is null ? null : new StringContent(body, Encoding.UTF8, "application/json"),
                };
                if (authorization is not null)
                {
                    request.Headers.TryAddWithoutValidation("Authorization", authorization);
                }

                request.Headers.TryAddWithoutValidation("Idempotency-Key", "sweep-" + Guid.NewGuid().ToString("N"));
                using var response = await fixture.Gateway.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
                var status = (int)response.StatusCode;
                statuses[status] = statuses.GetValueOrDefault(status) + 1;
                total++;
                if (response.IsSuccessStatusCode)
                {
                    accepted.Add($"{name}: {method} {path} → {status}");
                }
            }
        }

        var after = await SnapshotAsync(victim, order.Id, product.Id);
        foreach (var (name, statuses) in counts)
        {
            output.WriteLine($"{name}: {statuses.Values.Sum()} requests, {string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}"))}");
        }

        output.WriteLine($"sweep: {total} unauthenticated and cross-user requests, accepted {accepted.Count}; victim's state before {before}, after {after}");
        foreach (var line in accepted.Take(20))
        {
            output.WriteLine($"  accepted: {line}");
        }

        Assert.True(total >= 100, $"only {total} requests");
        Assert.Empty(accepted);
        Assert.Equal(before, after);
    }

    /// <summary>Every state-changing or private route, aimed at the victim's data where a route names it.</summary>
    private static IEnumerable<(HttpMethod Method, string Path, string? Body)> Targets(TestUser victim, Guid orderId, int productId, bool crossUserOnly)
    {
        var line = $$"""{"productId":{{productId}},"quantity":5}""";
        var order = $$"""{"buyerId":"{{victim.Subject}}","items":[{"productId":{{productId}},"productName":"x","unitPrice":0.01,"quantity":1}]}""";
        var price = """{"price":0.01,"availableStock":0}""";
        // Reaching another buyer: by path, by query, by body, and order creation, which only basket may do.
        yield return (HttpMethod.Get, $"/api/orders/{orderId}", null);
        yield return (HttpMethod.Get, $"/api/orders/{orderId}/events", null);
        yield return (HttpMethod.Head, $"/api/orders/{orderId}", null);
        foreach (var method in new[] { HttpMethod.Get, HttpMethod.Put, HttpMethod.Delete, HttpMethod.Post })
        {
            yield return (method, $"/api/basket/{victim.Subject}", method == HttpMethod.Get || method == HttpMethod.Delete ? null : line);
            yield return (method, $"/api/basket/{victim.Subject}/items", method == HttpMethod.Get || method == HttpMethod.Delete ? null : line);
            yield return (method, $"/api/basket/{victim.Subject}/checkout", null);
            yield return (method, $"/api/orders/{orderId}", order);
        }

        foreach (var path in new[] { "/api/orders", "/api/orders/", $"/api/orders?buyerId={victim.Subject}" })
        {
            yield return (HttpMethod.Post, path, order);
            yield return (HttpMethod.Put, path, order);
        }

        // Catalog writes need an admin.
        foreach (var method in new[] { HttpMethod.Put, HttpMethod.Post, HttpMethod.Delete, HttpMethod.Patch })
        {
            yield return (method, $"/api/catalog/items/{productId}", price);
            yield return (method, "/api/catalog/items", price);
        }

        if (crossUserOnly)
        {
            yield break;
        }

        // Without a valid token not even one's own basket or orders exist.
        yield return (HttpMethod.Get, "/api/basket", null);
        yield return (HttpMethod.Put, "/api/basket", $$"""{"items":[{{line}}]}""");
        yield return (HttpMethod.Delete, "/api/basket", null);
        yield return (HttpMethod.Post, "/api/basket/items", line);
        yield return (HttpMethod.Delete, $"/api/basket/items/{productId}", null);
        yield return (HttpMethod.Post, "/api/basket/checkout", null);
        yield return (HttpMethod.Get, "/api/orders", null);
    }

    /// <summary>What the sweep must not change: the victim's basket and order, the product, and the victim's orders.</summary>
    private async Task<string> SnapshotAsync(TestUser victim, Guid orderId, int productId)
    {
        var shop = fixture.Shop;
        using var basket = await shop.SendAsync(victim, HttpMethod.Get, "/api/basket");
        var lines = (await basket.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("items");
        var order = await shop.GetOrderAsync(victim, orderId);
        using var orders = await shop.SendAsync(victim, HttpMethod.Get, "/api/orders");
        var count = (await orders.Content.ReadFromJsonAsync<JsonElement>(Json)).GetArrayLength();
        var item = await fixture.Gateway.GetFromJsonAsync<JsonElement>($"/api/catalog/items/{productId}", Json);
        return $"basket [{string.Join(", ", lines.EnumerateArray().Select(l => $"{l.GetProperty("productId")}×{l.GetProperty("quantity")}@{l.GetProperty("unitPrice")}"))}], " +
               $"order {order?.Status} {order?.Total}, orders {count}, product price {item.GetProperty("price")} stock {item.GetProperty("availableStock")}";
    }

    /// <summary>The token's payload under an "alg: none" header and no signature.</summary>
    private static string Unsigned(string token)
    {
        var header = Base64Url.EncodeToString(Encoding.UTF8.GetBytes("""{"alg":"none","typ":"JWT"}"""));
        return $"{header}.{token.Split('.')[1]}.";
    }
}
