namespace AspireMicro.Dashboard.Telemetry.Storage;

/// <summary>What the store holds; Restoring is true while the journal is still being replayed (counts still growing).</summary>
public sealed record TelemetryCounts(int Spans, int Traces, int Logs, int MetricPoints, int Resources, bool Restoring);
