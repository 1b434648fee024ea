namespace AspireMicro.Hosting.Orchestration;

/// <summary>Values of <see cref="ResourceSnapshot.Health"/>.</summary>
public static class KnownHealthStates
{
    public const string Unknown = "Unknown";
    public const string Healthy = "Healthy";
    public const string Unhealthy = "Unhealthy";
}
