namespace AspireMicro.Hosting.ApplicationModel;

/// <summary>
/// Records that <c>WithReference</c> pointed at <see cref="Resource"/>. The environment variables themselves come
/// from an <see cref="EnvironmentCallbackAnnotation"/>; this one exists so validation and publishers can see the edge.
/// </summary>
public sealed class ResourceReferenceAnnotation(IResource resource) : IResourceAnnotation
{
    public IResource Resource { get; } = resource;
}
