using AspireMicro.Dashboard.Telemetry.Model;

namespace AspireMicro.Dashboard.Telemetry.Storage;

/// <summary>Metric points per resource and instrument, each bounded. Callers hold the store lock.</summary>
public sealed class MetricStore(int capacityPerInstrument)
{
    private readonly Dictionary<string, InstrumentEntry> _instruments = new(StringComparer.Ordinal);

    public IEnumerable<InstrumentEntry> Instruments => _instruments.Values;

    public int PointCount => _instruments.Values.Sum(i => i.Points.Count);

    public void Add(MetricPoint point)
    {
        var key = $"{ResourceKey.Of(point.Service, point.Instance)}\n{point.Instrument}";
        if (!_instruments.TryGetValue(key, out var instrument))
        {
            instrument = new InstrumentEntry(point, capacityPerInstrument);
            _instruments.Add(key, instrument);
        }

        instrument.Points.Add(point);
    }

    public void Clear() => _instruments.Clear();
}
