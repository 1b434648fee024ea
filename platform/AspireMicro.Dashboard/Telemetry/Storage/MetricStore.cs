using AspireMicro.Dashboard.Telemetry.Model;

namespace AspireMicro.Dashboard.Telemetry.Storage;

/// <summary>
/// Metric points per resource and instrument, each series bounded, and all of them together bounded too: every run
/// of an app brings new instance ids and so new series, which would otherwise pile up run after run. Beyond the
/// total, the series updated least recently (typically those of instances that no longer run) are dropped whole.
/// Callers hold the store lock.
/// </summary>
public sealed class MetricStore(int capacityPerInstrument, int maxPoints)
{
    private readonly Dictionary<string, LinkedListNode<InstrumentEntry>> _instruments = new(StringComparer.Ordinal);

    // Least recently updated first: eviction takes from the front, an update moves its series to the back.
    private readonly LinkedList<InstrumentEntry> _byLastUpdate = new();

    public IEnumerable<InstrumentEntry> Instruments => _byLastUpdate;

    public int PointCount { get; private set; }

    public void Add(MetricPoint point)
    {
        var key = Key(point.Service, point.Instance, point.Instrument);
        if (_instruments.TryGetValue(key, out var node))
        {
            _byLastUpdate.Remove(node);
            _byLastUpdate.AddLast(node);
        }
        else
        {
            node = _byLastUpdate.AddLast(new InstrumentEntry(point, capacityPerInstrument));
            _instruments.Add(key, node);
        }

        if (node.Value.Points.Add(point) is null)
        {
            PointCount++;
        }

        while (PointCount > maxPoints && _byLastUpdate.First is { } stalest && stalest != node)
        {
            PointCount -= stalest.Value.Points.Count;
            _byLastUpdate.RemoveFirst();
            _instruments.Remove(Key(stalest.Value.Service, stalest.Value.Instance, stalest.Value.Name));
        }
    }

    public void Clear()
    {
        _instruments.Clear();
        _byLastUpdate.Clear();
        PointCount = 0;
    }

    private static string Key(string service, string instance, string instrument) =>
        $"{ResourceKey.Of(service, instance)}\n{instrument}";
}
