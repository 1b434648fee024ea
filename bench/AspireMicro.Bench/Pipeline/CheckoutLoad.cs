using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace AspireMicro.Bench.Pipeline;

/// <summary>
/// Closed-loop shoppers through the gateway: each adds one unit of a product to a fresh basket and checks out,
/// again and again until the window ends. Every accepted order id is kept, every refusal counted by status.
/// </summary>
public sealed class CheckoutLoad(HttpClient gateway, IReadOnlyList<int> productIds, string buyerPrefix)
{
    private readonly ConcurrentBag<string> _accepted = [];
    private readonly ConcurrentBag<double> _checkoutMs = [];
    private readonly ConcurrentDictionary<string, int> _refused = new();

    public IReadOnlyCollection<string> Accepted => _accepted;

    public IReadOnlyCollection<double> CheckoutMs => _checkoutMs;

    public IReadOnlyDictionary<string, int> Refused => _refused;

    public Task RunAsync(int shoppers, TimeSpan window)
    {
        var deadline = Stopwatch.StartNew();
        var counter = 0;
        return Task.WhenAll(Enumerable.Range(0, shoppers).Select(async _ =>
        {
            while (deadline.Elapsed < window)
            {
                var buyer = $"{buyerPrefix}{Interlocked.Increment(ref counter)}";
                var product = productIds[Random.Shared.Next(productIds.Count)];
                try
                {
                    using var add = await gateway.PostAsJsonAsync($"/api/basket/{buyer}/items", new { productId = product, quantity = 1 });
                    if (!add.IsSuccessStatusCode)
                    {
                        _refused.AddOrUpdate($"add {(int)add.StatusCode}", 1, (_, n) => n + 1);
                        continue;
                    }

                    var clock = Stopwatch.StartNew();
                    using var checkout = await gateway.PostAsync($"/api/basket/{buyer}/checkout", null);
                    if (!checkout.IsSuccessStatusCode)
                    {
                        _refused.AddOrUpdate($"checkout {(int)checkout.StatusCode}", 1, (_, n) => n + 1);
                        continue;
                    }

                    _checkoutMs.Add(clock.Elapsed.TotalMilliseconds);
                    using var body = JsonDocument.Parse(await checkout.Content.ReadAsStringAsync());
                    _accepted.Add(body.RootElement.GetProperty("orderId").GetString()!);
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    _refused.AddOrUpdate(ex.GetType().Name, 1, (_, n) => n + 1);
                }
            }
        }));
    }
}
