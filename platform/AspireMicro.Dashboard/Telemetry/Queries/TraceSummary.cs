namespace AspireMicro.Dashboard.Telemetry.Queries;

public sealed record TraceSummary(
    string TraceId,
    string Name,
    string RootService,
    DateTimeOffset Start,
    double DurationMs,
    int SpanCount,
    IReadOnlyList<string> Services,
    int ErrorCount);
