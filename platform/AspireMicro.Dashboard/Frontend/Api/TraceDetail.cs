using AspireMicro.Dashboard.Telemetry.Model;

namespace AspireMicro.Dashboard.Frontend.Api;

public sealed record TraceDetail(string TraceId, IReadOnlyList<SpanRecord> Spans);
