namespace AspireMicro.Hosting.ApplicationModel;

/// <summary>
/// Late-bound pointer to one replica's endpoint. Resolves to the URL at run time;
/// renders as <c>{catalog.bindings.http.url}</c> for publishers.
/// </summary>
public sealed class EndpointReference(IResourceWithEndpoints resource, string endpointName, int replicaIndex = 0)
    : IValueProvider, IManifestExpressionProvider
{
    public IResourceWithEndpoints Resource { get; } = resource;

    public string EndpointName { get; } = endpointName;

    public int ReplicaIndex { get; } = replicaIndex;

    public EndpointAnnotation Annotation =>
        Resource.GetEndpointAnnotations().FirstOrDefault(e => e.Name == EndpointName)
        ?? throw new DistributedApplicationException($"Resource '{Resource.Name}' has no endpoint named '{EndpointName}'.");

    public bool Exists => Resource.GetEndpointAnnotations().Any(e => e.Name == EndpointName);

    public string ValueExpression => Property(EndpointProperty.Url).ValueExpression;

    public EndpointReferenceExpression Property(EndpointProperty property) => new(this, property);

    /// <summary>The allocated address; throws if asked before the orchestrator allocated ports.</summary>
    public AllocatedEndpoint GetAllocatedEndpoint() =>
        Annotation.AllocatedEndpoints.GetValueOrDefault(ReplicaIndex)
        ?? throw new InvalidOperationException(
            $"Endpoint '{EndpointName}' of resource '{Resource.Name}' (replica {ReplicaIndex}) has not been allocated yet.");

    public ValueTask<string?> GetValueAsync(CancellationToken cancellationToken = default) =>
        ValueTask.FromResult<string?>(GetAllocatedEndpoint().Url);
}
