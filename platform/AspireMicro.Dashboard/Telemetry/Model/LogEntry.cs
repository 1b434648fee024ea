namespace AspireMicro.Dashboard.Telemetry.Model;

/// <summary>One stored structured log record.</summary>
public sealed class LogEntry
{
    public long Seq { get; set; }
    public long TimeUnixNano { get; init; }
    public int SeverityNumber { get; init; }
    public required string Level { get; init; }
    public required string Message { get; init; }
    public string? TraceId { get; init; }
    public string? SpanId { get; init; }
    public required string Service { get; init; }
    public string Instance { get; init; } = "";
    public string Scope { get; init; } = "";
    public IReadOnlyList<TelemetryAttribute> Attributes { get; init; } = [];
}
