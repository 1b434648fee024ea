namespace AspireMicro.Dashboard.Telemetry.Storage;

public sealed record TelemetryCounts(int Spans, int Traces, int Logs, int MetricPoints, int Resources);
