namespace AspireMicro.Hosting.ApplicationModel;

/// <summary>Run this many instances; locally each gets its own port (<c>catalog-0</c>, <c>catalog-1</c>).</summary>
public sealed class ReplicaAnnotation(int replicas) : IResourceAnnotation
{
    public int Replicas { get; } = replicas >= 1
        ? replicas
        : throw new ArgumentOutOfRangeException(nameof(replicas), replicas, "At least one replica is required.");
}
