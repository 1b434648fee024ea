namespace AspireMicro.Dashboard.Telemetry.Queries;

public sealed record TraceQuery(string? Service, string? Search, bool ErrorsOnly, int Skip, int Take);
