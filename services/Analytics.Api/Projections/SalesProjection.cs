using AspireMicro.IntegrationEvents.Orders;

namespace Analytics.Api.Projections;

/// <summary>
/// In-memory sales figures folded from <see cref="OrderStatusChanged"/> events. Exactness rests on two
/// rules: an event id is applied once (the stream is replayed from the start on every boot and the relay
/// may resend), and an order's state never moves backwards (events of one order can interleave when two
/// ordering replicas relay them).
/// </summary>
public sealed class SalesProjection(TimeProvider clock)
{
    private const int TopProductCount = 5;
    private readonly Lock _gate = new();
    private readonly HashSet<Guid> _appliedEventIds = [];
    private readonly Dictionary<Guid, OrderSnapshot> _orders = [];
    private TaskCompletionSource _changed = NewSignal();
    private long _version;
    private DateTimeOffset? _lastEventAt;

    public long Version
    {
        get
        {
            lock (_gate)
            {
                return _version;
            }
        }
    }

    /// <summary>Returns true when the event changed the figures.</summary>
    public bool Apply(OrderStatusChanged statusChanged)
    {
        TaskCompletionSource toSignal;
        lock (_gate)
        {
            if (!_appliedEventIds.Add(statusChanged.EventId))
            {
                return false;
            }

            _lastEventAt = statusChanged.OccurredAt;
            var known = _orders.GetValueOrDefault(statusChanged.OrderId);
            if (known is not null && Rank(statusChanged.Status) <= Rank(known.Status))
            {
                return false;
            }

            _orders[statusChanged.OrderId] = new OrderSnapshot(
                statusChanged.Status,
                statusChanged.Total,
                statusChanged.Items,
                known?.SubmittedAt ?? statusChanged.OccurredAt);
            _version++;
            toSignal = _changed;
            _changed = NewSignal();
        }

        toSignal.TrySetResult();
        return true;
    }

    /// <summary>Completes when the figures change after <paramref name="seenVersion"/>.</summary>
    public Task WaitForChangeAsync(long seenVersion, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return _version != seenVersion ? Task.CompletedTask : _changed.Task.WaitAsync(cancellationToken);
        }
    }

    public SalesSummary Snapshot()
    {
        lock (_gate)
        {
            var since = clock.GetUtcNow().AddMinutes(-1);
            var byStatus = Enum.GetValues<OrderStatus>().ToDictionary(s => s.ToString(), _ => 0);
            foreach (var order in _orders.Values)
            {
                byStatus[order.Status.ToString()]++;
            }

            var topProducts = _orders.Values
                .Where(o => o.Status != OrderStatus.Cancelled)
                .SelectMany(o => o.Items)
                .GroupBy(i => i.ProductId)
                .Select(g => new ProductSales(g.Key, g.First().ProductName, g.Sum(i => i.Quantity),
                    g.Sum(i => i.Quantity * i.UnitPrice)))
                .OrderByDescending(p => p.Quantity)
                .ThenBy(p => p.ProductId)
                .Take(TopProductCount)
                .ToList();

            return new SalesSummary(
                _version,
                _orders.Count,
                byStatus,
                _orders.Values.Where(o => o.Status == OrderStatus.Paid).Sum(o => o.Total),
                _orders.Values.Count(o => o.SubmittedAt >= since),
                topProducts,
                _appliedEventIds.Count,
                _lastEventAt);
        }
    }

    private static int Rank(OrderStatus status) => status switch
    {
        OrderStatus.Submitted => 0,
        OrderStatus.StockReserved => 1,
        _ => 2,
    };

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
