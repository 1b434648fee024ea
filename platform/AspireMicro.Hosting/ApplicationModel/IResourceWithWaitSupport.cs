namespace AspireMicro.Hosting.ApplicationModel;

/// <summary>A resource that can be told to start only after others are healthy.</summary>
public interface IResourceWithWaitSupport : IResource;
