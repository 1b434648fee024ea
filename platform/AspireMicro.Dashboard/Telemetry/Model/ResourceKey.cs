namespace AspireMicro.Dashboard.Telemetry.Model;

/// <summary>Builds the key that separates replicas of one service (same service.name, different instance id).</summary>
public static class ResourceKey
{
    public static string Of(string service, string instance) =>
        string.IsNullOrEmpty(instance) ? service : $"{service}/{instance}";
}
