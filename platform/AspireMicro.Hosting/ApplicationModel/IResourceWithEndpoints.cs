namespace AspireMicro.Hosting.ApplicationModel;

/// <summary>A resource that listens on network endpoints (see <see cref="EndpointAnnotation"/>).</summary>
public interface IResourceWithEndpoints : IResource;
