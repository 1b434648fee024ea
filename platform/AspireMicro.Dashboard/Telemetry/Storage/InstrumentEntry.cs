using AspireMicro.Dashboard.Telemetry.Model;

namespace AspireMicro.Dashboard.Telemetry.Storage;

/// <summary>The bounded point history of one instrument of one resource.</summary>
public sealed class InstrumentEntry(MetricPoint first, int capacity)
{
    public string Service { get; } = first.Service;

    public string Instance { get; } = first.Instance;

    public string Name { get; } = first.Instrument;

    public string Meter { get; } = first.Meter;

    public string Type { get; } = first.Type;

    public string Unit { get; } = first.Unit;

    public string Description { get; } = first.Description;

    public BoundedBuffer<MetricPoint> Points { get; } = new(capacity);
}
