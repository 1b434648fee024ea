using System.Collections.Concurrent;

namespace AspireMicro.EndToEnd.Tests.Infrastructure;

/// <summary>
/// A bounded stream of one-unit purchases from a few concurrent shoppers; records every accepted order id and
/// every refusal, so a scenario can compare "placed" with "finished".
/// </summary>
public sealed class OrderLoad(ShopClient shop, IReadOnlyList<int> productIds)
{
    private readonly ConcurrentBag<Guid> _placedIds = [];
    private readonly ConcurrentDictionary<Guid, PlacedOrder> _placed = new();
    private int _refused;
    private int _attempts;

    /// <summary>Every accepted order id, as often as it was answered (a duplicate would show).</summary>
    public IReadOnlyCollection<Guid> Placed => _placedIds;

    public int Refused => _refused;

    public int Attempts => _attempts;

    /// <summary>Places <paramref name="total"/> orders with <paramref name="concurrency"/> shoppers; <paramref name="onPlaced"/> sees the running count.</summary>
    public Task RunAsync(int total, int concurrency, Func<int, Task>? onPlaced = null)
    {
        var next = 0;
        return Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            // One account per shopper, buying one thing after the other (its basket is replaced each time).
            var buyer = await shop.NewBuyerAsync();
            while (Interlocked.Increment(ref next) <= total)
            {
                Interlocked.Increment(ref _attempts);
                var product = productIds[Random.Shared.Next(productIds.Count)];
                try
                {
                    var order = await shop.BuyAsync(product, buyer);
                    _placed[order.Id] = order;
                    _placedIds.Add(order.Id);
                    if (onPlaced is not null)
                    {
                        await onPlaced(_placedIds.Count);
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
        var pending = new HashSet<Guid>(_placedIds);
        var finals = new List<OrderView>();
        while (true)
        {
            foreach (var id in pending.ToList())
            {
                try
                {
                    if (await shop.GetOrderAsync(_placed[id].Buyer, id) is { IsFinal: true } order)
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
