using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace AspireMicro.EndToEnd.Tests.Infrastructure;

/// <summary>What a shopper does, through the gateway only.</summary>
public sealed class ShopClient(HttpClient gateway)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public HttpClient Gateway => gateway;

    public async Task<IReadOnlyList<CatalogItem>> SearchAsync(string? query = null, int pageSize = 20, CancellationToken ct = default)
    {
        var url = $"/api/catalog/items?pageSize={pageSize}" + (query is null ? "" : $"&q={Uri.EscapeDataString(query)}");
        var page = await gateway.GetFromJsonAsync<CatalogPage>(url, Json, ct);
        return page!.Data;
    }

    public async Task AddToBasketAsync(string buyerId, int productId, int quantity, CancellationToken ct = default)
    {
        using var response = await gateway.PostAsJsonAsync($"/api/basket/{buyerId}/items", new { productId, quantity }, ct);
        await EnsureAsync(response, "add to basket");
    }

    /// <summary>Returns the order id, or null when the app answered a clean 503 (a dependency is down).</summary>
    public async Task<Guid?> TryCheckoutAsync(string buyerId, CancellationToken ct = default)
    {
        using var response = await gateway.PostAsync($"/api/basket/{buyerId}/checkout", null, ct);
        if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
        {
            return null;
        }

        await EnsureAsync(response, "checkout");
        var body = await response.Content.ReadFromJsonAsync<CheckoutResult>(Json, ct);
        return body!.OrderId;
    }

    public async Task<Guid> CheckoutAsync(string buyerId, CancellationToken ct = default) =>
        await TryCheckoutAsync(buyerId, ct) ?? throw new HttpRequestException("checkout answered 503");

    public async Task<OrderView?> GetOrderAsync(Guid orderId, CancellationToken ct = default)
    {
        using var response = await gateway.GetAsync($"/api/orders/{orderId}", ct);
        return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<OrderView>(Json, ct) : null;
    }

    /// <summary>Polls until the order is Paid or Cancelled; the status stream exists too, but polling is simpler to bound.</summary>
    public async Task<OrderView> WaitForFinalAsync(Guid orderId, TimeSpan timeout)
    {
        var order = await Eventually.GetAsync(
            () => GetOrderAsync(orderId), o => o is { IsFinal: true }, timeout, $"order {orderId} to become Paid or Cancelled");
        return order!;
    }

    /// <summary>One product, one unit: the smallest complete purchase.</summary>
    public async Task<Guid> BuyAsync(int productId, CancellationToken ct = default)
    {
        var buyer = NewBuyer();
        await AddToBasketAsync(buyer, productId, 1, ct);
        return await CheckoutAsync(buyer, ct);
    }

    public static string NewBuyer() => "e2e-" + Guid.NewGuid().ToString("N")[..12];

    private static async Task EnsureAsync(HttpResponseMessage response, string what)
    {
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync();
            throw new HttpRequestException($"{what} answered {(int)response.StatusCode}: {body}");
        }
    }
}
