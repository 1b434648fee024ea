using Aspire.Hosting.ApplicationModel;

namespace AspireMicro.Hosting.Publishing;

/// <summary>A project as every deployment target needs it: name, replicas, ports, environment in a stable order.</summary>
/// <param name="Environment">Aspire's unprocessed values (resolved in publish mode), sorted by name (ordinal).</param>
/// <param name="References">Resources it points at with WithReference: what it may reach on the network.</param>
public sealed record ProjectDeployment(
    ProjectResource Resource,
    int Replicas,
    IReadOnlyList<ServicePort> Ports,
    IReadOnlyList<KeyValuePair<string, object>> Environment,
    IReadOnlyList<object> Args,
    IReadOnlyList<IResource> References,
    IReadOnlyList<IResource> WaitsFor)
{
    /// <summary>Readiness includes dependencies (ServiceDefaults' MapDefaultEndpoints): take out of rotation.</summary>
    public const string HealthPath = "/health";

    /// <summary>Liveness checks only the process: restart when hung.</summary>
    public const string AlivePath = "/alive";

    public string Name => Resource.Name;

    /// <summary>Lower-case form for DNS labels, image names and Kubernetes object names.</summary>
    public string DnsName => Resource.Name.ToLowerInvariant();

    public bool IsExternal => Ports.Any(p => p.Endpoint.IsExternal);

    /// <summary>The endpoint probes and load balancers use; null for a project without HTTP endpoints (a pure worker).</summary>
    public ServicePort? HttpPort => Ports.FirstOrDefault(p => p.Endpoint.Name == "http") ?? Ports.FirstOrDefault(p => p.Endpoint.UriScheme is "http" or "https");
}
