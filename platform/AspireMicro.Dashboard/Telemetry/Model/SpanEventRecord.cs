namespace AspireMicro.Dashboard.Telemetry.Model;

/// <summary>A span event; exceptions arrive as events named "exception" with exception.* attributes.</summary>
public sealed record SpanEventRecord(string Name, long TimeUnixNano, IReadOnlyList<TelemetryAttribute> Attributes);
