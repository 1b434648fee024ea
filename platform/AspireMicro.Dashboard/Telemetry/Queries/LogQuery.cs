namespace AspireMicro.Dashboard.Telemetry.Queries;

public sealed record LogQuery(
    string? Service,
    int MinSeverity,
    string? Search,
    string? AttributeKey,
    string? AttributeValue,
    string? TraceId,
    int Skip,
    int Take);
