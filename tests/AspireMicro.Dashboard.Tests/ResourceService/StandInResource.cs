namespace AspireMicro.Dashboard.Tests.ResourceService;

/// <summary>A ResourceSnapshot as docs/contracts.md defines it (serialised camelCase).</summary>
public sealed record StandInResource(
    string Name,
    string DisplayName,
    string ResourceType,
    string State,
    string Health,
    int? Pid,
    DateTimeOffset? StartedAt,
    int ReplicaIndex,
    int ReplicaCount,
    IReadOnlyList<StandInEndpoint> Endpoints,
    IReadOnlyList<StandInEnvironmentVariable> Environment,
    IReadOnlyList<string> WaitsFor,
    long Version)
{
    public string? HealthDescription { get; init; }
    public int? ExitCode { get; init; }
    public DateTimeOffset? StoppedAt { get; init; }
}
