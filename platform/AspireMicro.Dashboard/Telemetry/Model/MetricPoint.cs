using System.Text.Json.Serialization;

namespace AspireMicro.Dashboard.Telemetry.Model;

/// <summary>
/// One data point of one instrument. Number points use <see cref="Value"/>; histogram points use the
/// count/sum/bucket fields so percentiles can be computed at query time.
/// </summary>
public sealed class MetricPoint
{
    public long Seq { get; set; }
    public required string Service { get; init; }
    public string Instance { get; init; } = "";
    public required string Instrument { get; init; }
    public string Meter { get; init; } = "";
    public required string Type { get; init; }
    public string Unit { get; init; } = "";
    public string Description { get; init; } = "";
    public bool Cumulative { get; init; }
    public long StartTimeUnixNano { get; init; }
    public long TimeUnixNano { get; init; }
    public IReadOnlyList<TelemetryAttribute> Attributes { get; init; } = [];
    public double? Value { get; init; }
    public long Count { get; init; }
    public double Sum { get; init; }
    public IReadOnlyList<double> ExplicitBounds { get; init; } = [];
    public IReadOnlyList<long> BucketCounts { get; init; } = [];

    [JsonIgnore]
    public string SeriesKey => Attributes.Count == 0 ? "" : string.Join(", ", Attributes.Select(a => $"{a.Key}={a.Value}"));
}
