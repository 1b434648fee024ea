using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using AspireMicro.Testing;

namespace AspireMicro.EndToEnd.Tests.Infrastructure;

/// <summary>
/// What a shopper does, through the gateway only, signed in: every basket and order call carries the buyer's own
/// access token from the app's identity service, and the buyer is whoever the token says (its sub).
/// </summary>
public sealed class ShopClient(HttpClient gateway, IdentityTestClient identity)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public HttpClient Gateway => gateway;

    /// <summary>A new account (registered through the identity service's form) with its token.</summary>
    public Task<TestUser> NewBuyerAsync(CancellationToken ct = default) => identity.NewBuyerAsync("e2e", ct);

    public async Task<IReadOnlyList<CatalogItem>> SearchAsync(string? query = null, int pageSize = 20, CancellationToken ct = default)
    {
        var url = $"/api/catalog/items?pageSize={pageSize}" + (query is null ? "" : $"&q={Uri.EscapeDataString(query)}");
        var page = await gateway.GetFromJsonAsync<CatalogPage>(url, Json, ct);
        return page!.Data;
    }

    public async Task AddToBasketAsync(TestUser buyer, int productId, int quantity, CancellationToken ct = default)
    {
        using var response = await SendAsync(buyer, HttpMethod.Post, "/api/basket/items", JsonContent.Create(new { productId, quantity }), ct);
        await EnsureAsync(response, "add to basket");
    }

    /// <summary>The basket becomes exactly this one line (whatever an earlier, refused checkout left in it).</summary>
    public async Task SetBasketAsync(TestUser buyer, int productId, int quantity, CancellationToken ct = default)
    {
        using var response = await SendAsync(buyer, HttpMethod.Put, "/api/basket", JsonContent.Create(new { items = new[] { new { productId, quantity } } }), ct);
        await EnsureAsync(response, "replace the basket");
    }

    /// <summary>Returns the order id, or null when the app answered a clean 503 (a dependency is down).</summary>
    public async Task<Guid?> TryCheckoutAsync(TestUser buyer, CancellationToken ct = default)
    {
        using var response = await SendAsync(buyer, HttpMethod.Post, "/api/basket/checkout", null, ct);
        if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
        {
            return null;
        }

        await EnsureAsync(response, "checkout");
        var body = await response.Content.ReadFromJsonAsync<CheckoutResult>(Json, ct);
        return body!.OrderId;
    }

    public async Task<Guid> CheckoutAsync(TestUser buyer, CancellationToken ct = default) =>
        await TryCheckoutAsync(buyer, ct) ?? throw new HttpRequestException("checkout answered 503");

    /// <summary>The buyer's own order, or null (another buyer's order is not found either).</summary>
    public async Task<OrderView?> GetOrderAsync(TestUser buyer, Guid orderId, CancellationToken ct = default)
    {
        using var response = await SendAsync(buyer, HttpMethod.Get, $"/api/orders/{orderId}", null, ct);
        return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<OrderView>(Json, ct) : null;
    }

    /// <summary>Polls until the order is Paid or Cancelled; the status stream exists too, but polling is simpler to bound.</summary>
    public async Task<OrderView> WaitForFinalAsync(PlacedOrder placed, TimeSpan timeout)
    {
        var order = await Eventually.GetAsync(
            () => GetOrderAsync(placed.Buyer, placed.Id), o => o is { IsFinal: true }, timeout, $"order {placed.Id} to become Paid or Cancelled");
        return order!;
    }

    /// <summary>One product, one unit: the smallest complete purchase, by a new buyer or the one given.</summary>
    public async Task<PlacedOrder> BuyAsync(int productId, TestUser? buyer = null, CancellationToken ct = default)
    {
        buyer ??= await NewBuyerAsync(ct);
        await SetBasketAsync(buyer, productId, 1, ct);
        return new PlacedOrder(buyer, await CheckoutAsync(buyer, ct));
    }

    /// <summary>A request with the buyer's token (none when <paramref name="buyer"/> is null).</summary>
    public Task<HttpResponseMessage> SendAsync(TestUser? buyer, HttpMethod method, string path, HttpContent? content = null, CancellationToken ct = default)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        if (buyer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", buyer.AccessToken);
        }

        return gateway.SendAsync(request, ct);
    }

    private static async Task EnsureAsync(HttpResponseMessage response, string what)
    {
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync();
            throw new HttpRequestException($"{what} answered {(int)response.StatusCode}: {body}");
        }
    }
}

/// <summary>An order and the buyer who placed it (only that buyer can read it).</summary>
public sealed record PlacedOrder(TestUser Buyer, Guid Id);
