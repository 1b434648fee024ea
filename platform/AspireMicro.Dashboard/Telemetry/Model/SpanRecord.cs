using System.Text.Json.Serialization;

namespace AspireMicro.Dashboard.Telemetry.Model;

/// <summary>One stored span. Ids are lower-case hex so they can be used directly in URLs and log links.</summary>
public sealed class SpanRecord
{
    public long Seq { get; set; }
    public required string TraceId { get; init; }
    public required string SpanId { get; init; }
    public string? ParentSpanId { get; init; }
    public required string Name { get; init; }
    public required string Kind { get; init; }
    public long StartTimeUnixNano { get; init; }
    public long EndTimeUnixNano { get; init; }
    public required string Status { get; init; }
    public string? StatusMessage { get; init; }
    public required string Service { get; init; }
    public string Instance { get; init; } = "";
    public string Scope { get; init; } = "";
    public IReadOnlyList<TelemetryAttribute> Attributes { get; init; } = [];
    public IReadOnlyList<SpanEventRecord> Events { get; init; } = [];
    public IReadOnlyList<SpanLinkRecord> Links { get; init; } = [];

    [JsonIgnore]
    public bool IsError => Status == SpanStatus.Error;
}
