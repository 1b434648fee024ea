using System.Text.Json;
using Basket.Api.Catalog;

namespace Basket.Api.Ordering;

/// <summary>Submits orders to "http://ordering". The Idempotency-Key makes the resilience handler's retries safe.</summary>
public sealed class OrderingClient(HttpClient http)
{
    public async Task<OrderPlacement> PlaceOrderAsync(CreateOrderRequest order, string idempotencyKey, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/orders") { Content = JsonContent.Create(order) };
        request.Headers.Add(IdempotencyKey.HeaderName, idempotencyKey);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new DependencyUnavailableException("ordering", ex);
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if ((int)response.StatusCode >= 500)
            {
                throw new DependencyUnavailableException("ordering");
            }

            if (!response.IsSuccessStatusCode)
            {
                return new OrderPlacement(null, (int)response.StatusCode, body);
            }

            return new OrderPlacement(ReadOrderId(body, response), (int)response.StatusCode, null);
        }
    }

    private static string ReadOrderId(string body, HttpResponseMessage response)
    {
        if (!string.IsNullOrWhiteSpace(body))
        {
            using var document = JsonDocument.Parse(body);
            foreach (var name in new[] { "orderId", "id" })
            {
                if (document.RootElement.ValueKind == JsonValueKind.Object
                    && document.RootElement.TryGetProperty(name, out var value))
                {
                    return value.ToString();
                }
            }
        }

        // Fall back to the Location header of a 201/202 (".../api/orders/{id}").
        return response.Headers.Location?.ToString().TrimEnd('/').Split('/')[^1]
            ?? throw new DependencyUnavailableException("ordering");
    }
}
