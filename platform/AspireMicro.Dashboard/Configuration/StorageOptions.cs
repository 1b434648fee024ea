using System.ComponentModel.DataAnnotations;

namespace AspireMicro.Dashboard.Configuration;

/// <summary>Telemetry retention (section Dashboard:Storage). Oldest items are dropped first beyond the limits.</summary>
public sealed class StorageOptions
{
    public const string Section = "Dashboard:Storage";

    /// <summary>Folder for the persisted telemetry file; null keeps telemetry in memory only.</summary>
    public string? Path { get; set; }

    [Range(10, 5_000_000)]
    public int MaxSpans { get; set; } = 100_000;

    [Range(10, 5_000_000)]
    public int MaxLogRecords { get; set; } = 50_000;

    [Range(10, 1_000_000)]
    public int MaxMetricPointsPerInstrument { get; set; } = 2_000;

    /// <summary>Start-up replays at most this much of the journal's newest end (a compacted journal at the default limits
    /// is about 200 MB); a bigger file is then rewritten from what the store kept.</summary>
    [Range(1, 65_536)]
    public int MaxReplayMegabytes { get; set; } = 512;

    /// <summary>All metric points together; beyond it the least recently updated series are dropped whole.</summary>
    [Range(100, 10_000_000)]
    public int MaxMetricPoints { get; set; } = 200_000;
}
