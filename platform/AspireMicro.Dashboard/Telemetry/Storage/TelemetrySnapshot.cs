using AspireMicro.Dashboard.Telemetry.Persistence;

namespace AspireMicro.Dashboard.Telemetry.Storage;

/// <summary>Everything retained at one moment, used to compact the journal. MaxSeq marks what it covers.</summary>
public sealed record TelemetrySnapshot(long MaxSeq, IReadOnlyList<PersistedEntry> Entries);
