namespace AspireMicro.Dashboard.Telemetry.Model;

/// <summary>A link to another span, e.g. a message consumer linking back to its producer.</summary>
public sealed record SpanLinkRecord(string TraceId, string SpanId, IReadOnlyList<TelemetryAttribute> Attributes);
