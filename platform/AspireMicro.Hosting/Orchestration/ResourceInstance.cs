using AspireMicro.Hosting.ApplicationModel;
using AspireMicro.Hosting.Backing;
using AspireMicro.Hosting.Processes;

namespace AspireMicro.Hosting.Orchestration;

/// <summary>Run-time bookkeeping of one instance (one replica) of a resource. Mutable, private to the orchestrator.</summary>
internal sealed class ResourceInstance(IResource resource, string name, int replicaIndex, int replicaCount)
{
    public IResource Resource { get; } = resource;

    public string Name { get; } = name;

    public int ReplicaIndex { get; } = replicaIndex;

    public int ReplicaCount { get; } = replicaCount;

    /// <summary>Serialises lifecycle operations (start/stop/commands) on this instance.</summary>
    public SemaphoreSlim Gate { get; } = new(1, 1);

    public IChildProcess? Process { get; set; }

    public NativeServerContext? ServerContext { get; set; }

    public CancellationTokenSource? MonitorCancellation { get; set; }

    /// <summary>Set while we stop the process on purpose, so its exit is not reported as a crash.</summary>
    public bool StopRequested { get; set; }

    public string ServiceInstanceId { get; } = $"{name}-{Guid.NewGuid().ToString("N")[..6]}";

    public string ResourceType => Resource switch
    {
        ProjectResource => "Project",
        ExecutableResource => "Executable",
        PostgresServerResource => "Postgres",
        PostgresDatabaseResource => "PostgresDatabase",
        RedisResource => "Redis",
        RabbitMQServerResource => "RabbitMQ",
        _ => Resource.GetType().Name.Replace("Resource", string.Empty, StringComparison.Ordinal),
    };
}
