namespace AspireMicro.Hosting.ApplicationModel;

/// <summary>
/// A network endpoint. <see cref="Port"/> is what the user asked for (null = any free port);
/// the orchestrator records the ports it actually allocated, one per replica, in <see cref="AllocatedEndpoints"/>.
/// </summary>
public sealed class EndpointAnnotation(string name, string scheme = "http", int? port = null, int? targetPort = null) : IResourceAnnotation
{
    private readonly Dictionary<int, AllocatedEndpoint> _allocated = [];

    public string Name { get; } = name;

    /// <summary>"http", "https" or "tcp".</summary>
    public string Scheme { get; } = scheme;

    /// <summary>Host port requested by the user; null lets the orchestrator pick one.</summary>
    public int? Port { get; set; } = port;

    /// <summary>Port the process listens on inside a container or pod; publishers use it (defaults to <see cref="Port"/>).</summary>
    public int? TargetPort { get; set; } = targetPort;

    /// <summary>Reachable from outside the app (ingress / load balancer when published).</summary>
    public bool IsExternal { get; set; }

    /// <summary>Run-time only: the allocated address of each replica (index 0 for single-instance resources).</summary>
    public IReadOnlyDictionary<int, AllocatedEndpoint> AllocatedEndpoints
    {
        get
        {
            lock (_allocated)
            {
                return new Dictionary<int, AllocatedEndpoint>(_allocated);
            }
        }
    }

    public AllocatedEndpoint? AllocatedEndpoint => AllocatedEndpoints.GetValueOrDefault(0);

    public void SetAllocatedEndpoint(int replicaIndex, AllocatedEndpoint endpoint)
    {
        lock (_allocated)
        {
            _allocated[replicaIndex] = endpoint;
        }
    }

    public void ClearAllocatedEndpoints()
    {
        lock (_allocated)
        {
            _allocated.Clear();
        }
    }
}
