namespace AspireMicro.Hosting.ApplicationModel;

/// <summary>Start this resource only once <see cref="Resource"/> reports Healthy.</summary>
public sealed class WaitAnnotation(IResource resource) : IResourceAnnotation
{
    public IResource Resource { get; } = resource;
}
