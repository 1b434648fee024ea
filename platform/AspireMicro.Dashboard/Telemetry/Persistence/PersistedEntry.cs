using AspireMicro.Dashboard.Telemetry.Model;

namespace AspireMicro.Dashboard.Telemetry.Persistence;

/// <summary>One line of the telemetry journal: exactly one of the members is set.</summary>
public sealed class PersistedEntry
{
    public TelemetryResource? Resource { get; init; }
    public SpanRecord? Span { get; init; }
    public LogEntry? Log { get; init; }
    public MetricPoint? Metric { get; init; }

    /// <summary>A marker line written by "clear": everything before it is gone.</summary>
    public bool Clear { get; init; }

    /// <summary>Store-wide sequence number; lets compaction skip lines its snapshot already covers.</summary>
    public long Seq { get; init; }
}
