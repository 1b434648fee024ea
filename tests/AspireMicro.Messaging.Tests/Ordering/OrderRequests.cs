using System.Net.Http.Json;
using System.Text;

using AspireMicro.Messaging.Tests.Infrastructure;

namespace AspireMicro.Messaging.Tests.Ordering;

/// <summary>Builds POST /api/orders requests.</summary>
public static class OrderRequests
{
    public static object Body(string buyerId, decimal unitPrice = 9.5m, int quantity = 2, int productId = 1) => new
    {
        buyerId,
        items = new[] { new { productId, productName = $"Product {productId}", unitPrice, quantity } },
    };

    public static HttpRequestMessage Post(object body, string? idempotencyKey) =>
        Post(JsonContent.Create(body), idempotencyKey);

    public static HttpRequestMessage PostRaw(string json, string? idempotencyKey) =>
        Post(new StringContent(json, Encoding.UTF8, "application/json"), idempotencyKey);

    private static HttpRequestMessage Post(HttpContent content, string? idempotencyKey)
    {
        // As basket's checkout sends it: with basket's own service token (orders:create).
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/orders") { Content = content }.WithBearer(TestTokens.Basket());
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return request;
    }
}
