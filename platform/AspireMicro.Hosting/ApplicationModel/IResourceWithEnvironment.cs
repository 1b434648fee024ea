namespace AspireMicro.Hosting.ApplicationModel;

/// <summary>A resource whose process receives environment variables (projects, executables).</summary>
public interface IResourceWithEnvironment : IResource;
