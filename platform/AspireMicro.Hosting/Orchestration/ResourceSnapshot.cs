using System.Collections.Immutable;

namespace AspireMicro.Hosting.Orchestration;

/// <summary>
/// Immutable state of one resource instance at one moment (JSON shape of docs/contracts.md). Every change produces a new
/// snapshot with a higher <see cref="Version"/>; nobody mutates one, so watchers can keep them.
/// </summary>
public sealed record ResourceSnapshot
{
    public required string Name { get; init; }

    public required string DisplayName { get; init; }

    public required string ResourceType { get; init; }

    public string State { get; init; } = KnownResourceStates.NotStarted;

    public string Health { get; init; } = KnownHealthStates.Unknown;

    public string? HealthDescription { get; init; }

    public int? Pid { get; init; }

    public int? ExitCode { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? StoppedAt { get; init; }

    public int ReplicaIndex { get; init; }

    public int ReplicaCount { get; init; } = 1;

    public ImmutableArray<EndpointSnapshot> Endpoints { get; init; } = [];

    public ImmutableArray<EnvironmentVariableSnapshot> Environment { get; init; } = [];

    public ImmutableArray<string> WaitsFor { get; init; } = [];

    public long Version { get; init; }
}
