using System.Collections.Concurrent;

namespace AspireMicro.EndToEnd.Tests.Infrastructure;

/// <summary>
/// A bounded stream of one-unit purchases from a few concurrent shoppers; records every accepted order id and
/// every refusal, so a scenario can compare "placed" with "finished".
/// </summary>
public sealed class OrderLoad(ShopClient shop, IReadOnlyList<int> productIds)
{
    private readonly ConcurrentBag<Guid> _placed = [];
    private int _refused;
    private int _attempts;

    public IReadOnlyCollection<Guid> Placed => _placed;

    public int Refused => _refused;

    public int Attempts => _attempts;

    /// <summary>Places <paramref name="total"/> orders with <paramref name="concurrency"/> shoppers; <paramref name="onPlaced"/> sees the running count.</summary>
    public Task RunAsync(int total, int concurrency, Func<int, Task>? onPlaced = null)
    {
        var next = 0;
        return Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) <= total)
            {
                Interlocked.Increment(ref _attempts);
                var product = productIds[Random.Shared.Next(productIds.Count)];
                try
                {
                    _placed.Add(await shop.BuyAsync(product));
                    if (onPlaced is not null)
                    {
                        await onPlaced(_placed.Count);
                    }
                }
                catch (HttpRequestException)
                {
                    // A refused checkout is allowed while something is down; it must just not be lost silently.
                    Interlocked.Increment(ref _refused);
                }
            }
        }));
    }

    /// <summary>Every placed order once it is Paid or Cancelled; polls the unfinished ones in rounds until <paramref name="timeout"/>.</summary>
    public async Task<IReadOnlyList<OrderView>> WaitForAllFinalAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        var pending = new HashSet<Guid>(_placed);
        var finals = new List<OrderView>();
        while (true)
        {
            foreach (var id in pending.ToList())
            {
                try
                {
                    if (await shop.GetOrderAsync(id) is { IsFinal: true } order)
                    {
                        finals.Add(order);
                        pending.Remove(id);
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    // Still recovering; ask again next round.
                }
            }

            if (pending.Count == 0)
            {
                return finals;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{pending.Count} of {_placed.Count} orders were not Paid or Cancelled after {timeout.TotalSeconds:0} s, e.g. {pending.First()}.");
            }

            await Task.Delay(250);
        }
    }
}
