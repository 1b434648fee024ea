using AspireMicro.Hosting.ApplicationModel;

namespace AspireMicro.Hosting.Publishing;

/// <summary>A project as every deployment target needs it: name, replicas, ports, environment in a stable order.</summary>
/// <param name="Environment">From the model's callbacks, sorted by name (ordinal) so output is deterministic.</param>
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
    public string Name => Resource.Name;

    /// <summary>Lower-case form for DNS labels, image names and Kubernetes object names.</summary>
    public string DnsName => Resource.Name.ToLowerInvariant();

    public bool IsExternal => Ports.Any(p => p.Endpoint.IsExternal);

    public ServicePort HttpPort => Ports.FirstOrDefault(p => p.Endpoint.Name == "http") ?? Ports[0];
}
