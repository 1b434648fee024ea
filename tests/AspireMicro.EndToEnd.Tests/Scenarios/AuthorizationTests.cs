using System.Buffers.Text;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AspireMicro.EndToEnd.Tests.Infrastructure;
using AspireMicro.Testing;

namespace AspireMicro.EndToEnd.Tests.Scenarios;

/// <summary>Through the public gateway, with real tokens from the app's identity service.</summary>
[Collection(SharedAppCollection.Name)]
public sealed class AuthorizationTests(AppFixture fixture, ITestOutputHelper output)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task Without_a_token_the_basket_and_orders_answer_401_problem()
    {
        var shop = fixture.Shop;
        var results = new List<(string, HttpResponseMessage)>
        {
            ("GET /api/basket", await shop.SendAsync(null, HttpMethod.Get, "/api/basket")),
            ("POST /api/basket/items", await shop.SendAsync(null, HttpMethod.Post, "/api/basket/items", JsonContent.Create(new { productId = 1, quantity = 1 }))),
            ("POST /api/basket/checkout", await shop.SendAsync(null, HttpMethod.Post, "/api/basket/checkout")),
            ("GET /api/orders", await shop.SendAsync(null, HttpMethod.Get, "/api/orders")),
            ("GET /api/orders/{id}", await shop.SendAsync(null, HttpMethod.Get, $"/api/orders/{Guid.NewGuid()}")),
        };

        foreach (var (what, response) in results)
        {
            output.WriteLine($"no token: {what} → {(int)response.StatusCode} {response.Content.Headers.ContentType?.MediaType} {response.Headers.WwwAuthenticate}");
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(401, (await response.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("status").GetInt32());
            response.Dispose();
        }
    }

    [Fact]
    public async Task A_buyers_token_cannot_reach_another_buyers_basket_or_order()
    {
        var shop = fixture.Shop;
        var product = (await shop.SearchAsync()).First(p => p.AvailableStock > 5);
        var victim = await shop.NewBuyerAsync();
        var intruder = await shop.NewBuyerAsync();
        var order = await shop.BuyAsync(product.Id, victim);
        await shop.SetBasketAsync(victim, product.Id, 3);

        using var readOrder = await shop.SendAsync(intruder, HttpMethod.Get, $"/api/orders/{order.Id}");
        using var streamOrder = await shop.SendAsync(intruder, HttpMethod.Get, $"/api/orders/{order.Id}/events");
        var listed = await (await shop.SendAsync(intruder, HttpMethod.Get, $"/api/orders?buyerId={victim.Subject}")).Content.ReadFromJsonAsync<JsonElement>(Json);
        using var basketByPath = await shop.SendAsync(intruder, HttpMethod.Get, $"/api/basket/{victim.Subject}");
        var intrudersBasket = await (await shop.SendAsync(intruder, HttpMethod.Get, "/api/basket")).Content.ReadFromJsonAsync<JsonElement>(Json);
        var victimsBasket = await (await shop.SendAsync(victim, HttpMethod.Get, "/api/basket")).Content.ReadFromJsonAsync<JsonElement>(Json);
        var victimsOrder = await shop.GetOrderAsync(victim, order.Id);

        output.WriteLine($"intruder on the victim's order: GET {(int)readOrder.StatusCode}, events {(int)streamOrder.StatusCode}; list with ?buyerId=victim: {listed.GetArrayLength()} orders; /api/basket/{{victim}}: {(int)basketByPath.StatusCode}; intruder's own basket lines {intrudersBasket.GetProperty("items").GetArrayLength()}, victim's {victimsBasket.GetProperty("items").GetArrayLength()}");
        Assert.Equal(HttpStatusCode.NotFound, readOrder.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, streamOrder.StatusCode);
        Assert.Equal(0, listed.GetArrayLength());
        Assert.True(basketByPath.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden, $"{basketByPath.StatusCode}");
        Assert.Equal(0, intrudersBasket.GetProperty("items").GetArrayLength());
        Assert.Equal(3, victimsBasket.GetProperty("items")[0].GetProperty("quantity").GetInt32());
        Assert.Equal(victim.Subject, victimsOrder?.BuyerId);
    }

    [Fact]
    public async Task A_buyer_token_on_a_catalog_write_gets_403_problem_and_the_admin_may_write()
    {
        var shop = fixture.Shop;
        var product = (await shop.SearchAsync()).First();
        var buyer = await shop.NewBuyerAsync();
        var admin = await fixture.Identity.SignInAsync("admin", AppFixture.DemoAdminPassword);

        using var byBuyer = await shop.SendAsync(buyer, HttpMethod.Put, $"/api/catalog/items/{product.Id}", JsonContent.Create(new { price = 0.01m }));
        var problem = await byBuyer.Content.ReadFromJsonAsync<JsonElement>(Json);
        var afterBuyer = (await shop.SearchAsync()).Single(p => p.Id == product.Id);
        // The admin writes the price it already has: allowed, and nothing changes for the other tests.
        using var byAdmin = await shop.SendAsync(admin, HttpMethod.Put, $"/api/catalog/items/{product.Id}", JsonContent.Create(new { price = product.Price }));

        output.WriteLine($"buyer PUT price 0.01 → {(int)byBuyer.StatusCode} ({problem.GetProperty("title")}); price still {afterBuyer.Price}; admin PUT → {(int)byAdmin.StatusCode}");
        Assert.Equal(HttpStatusCode.Forbidden, byBuyer.StatusCode);
        Assert.Equal("application/problem+json", byBuyer.Content.Headers.ContentType?.MediaType);
        Assert.Equal(product.Price, afterBuyer.Price);
        Assert.Equal(HttpStatusCode.OK, byAdmin.StatusCode);
    }

    [Fact]
    public async Task Tampered_wrong_audience_and_expired_tokens_get_401()
    {
        var shop = fixture.Shop;
        var identity = fixture.Identity;
        var buyer = await shop.NewBuyerAsync();
        var other = await shop.NewBuyerAsync();

        // Tampered: the buyer's token with another buyer's sub in its payload, the original signature kept.
        var tampered = WithSubject(buyer.AccessToken, other.Subject);
        // Wrong audience: a real, correctly signed token, asked for without the "api" scope, so not for the API.
        var notForApi = await identity.PasswordTokenAsync(buyer.UserName, IdentityTestClient.BuyerPassword, "profile roles");
        // Expired: a real token from the test client whose tokens live 2 s, used once it has expired.
        var shortLived = await identity.PasswordTokenAsync(buyer.UserName, IdentityTestClient.BuyerPassword, IdentityTestClient.ApiScopes, IdentityTestClient.ShortLivedTestClientId);
        using var freshShortLived = await shop.SendAsync(buyer with { AccessToken = shortLived }, HttpMethod.Get, "/api/basket");
        var expires = DateTimeOffset.FromUnixTimeSeconds(JwtParts.Parse(shortLived).Payload.GetProperty("exp").GetInt64());
        var wait = expires + TimeSpan.FromSeconds(2.5) - DateTimeOffset.UtcNow; // past exp plus the gateway's 1 s skew
        await Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.Zero);

        var cases = new (string What, string Token)[] { ("tampered", tampered), ("wrong audience", notForApi), ("expired", shortLived) };
        foreach (var (what, token) in cases)
        {
            using var response = await shop.SendAsync(buyer with { AccessToken = token }, HttpMethod.Get, "/api/basket");
            var body = await response.Content.ReadAsStringAsync();
            output.WriteLine($"{what} token → {(int)response.StatusCode} {response.Headers.WwwAuthenticate}: {body}");
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        output.WriteLine($"the short-lived token before it expired → {(int)freshShortLived.StatusCode} (waited {wait.TotalSeconds:0.0} s)");
        Assert.Equal(HttpStatusCode.OK, freshShortLived.StatusCode);
    }

    [Fact]
    public async Task Checkout_prices_from_the_catalog_and_the_gateway_takes_no_order_from_a_client()
    {
        var shop = fixture.Shop;
        var product = (await shop.SearchAsync()).First(p => p.AvailableStock > 5 && p.Price > 1m);
        var buyer = await shop.NewBuyerAsync();

        // A client-chosen price in the basket request is ignored; the line is priced by catalog.
        using (var put = await shop.SendAsync(buyer, HttpMethod.Put, "/api/basket",
                   JsonContent.Create(new { items = new[] { new { productId = product.Id, quantity = 2, unitPrice = 0.01m } } })))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        var orderId = await shop.CheckoutAsync(buyer);
        var order = await shop.WaitForFinalAsync(new PlacedOrder(buyer, orderId), TimeSpan.FromSeconds(60));
        // A buyer posting an order with its own price straight to /api/orders is not routed at all.
        using var direct = await shop.SendAsync(buyer, HttpMethod.Post, "/api/orders",
            new StringContent($$"""{"buyerId":"{{buyer.Subject}}","items":[{"productId":{{product.Id}},"productName":"x","unitPrice":0.01,"quantity":1}]}""", Encoding.UTF8, "application/json"));

        output.WriteLine($"basket asked 0.01 for {product.Name} ({product.Price}) × 2: order {order.Status}, total {order.Total}; POST /api/orders from the buyer → {(int)direct.StatusCode}");
        Assert.Equal(product.Price * 2, order.Total);
        Assert.Equal("Paid", order.Status);
        Assert.False(direct.IsSuccessStatusCode, $"POST /api/orders answered {(int)direct.StatusCode}");
    }

    /// <summary>The same header and signature around a payload whose sub is <paramref name="subject"/>.</summary>
    internal static string WithSubject(string token, string subject)
    {
        var parts = token.Split('.');
        var payload = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(Base64Url.DecodeFromChars(parts[1]))!;
        payload["sub"] = JsonSerializer.SerializeToElement(subject);
        return $"{parts[0]}.{Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(payload))}.{parts[2]}";
    }
}
