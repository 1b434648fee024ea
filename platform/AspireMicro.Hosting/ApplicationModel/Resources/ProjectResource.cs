namespace AspireMicro.Hosting.ApplicationModel;

/// <summary>A .NET project of this solution, run as <c>dotnet X.dll</c> with its directory as working directory.</summary>
public sealed class ProjectResource(string name, IProjectMetadata metadata)
    : Resource(name), IResourceWithEnvironment, IResourceWithArgs, IResourceWithServiceDiscovery, IResourceWithWaitSupport
{
    public IProjectMetadata Metadata { get; } = metadata;

    /// <summary>Readiness probe path every service maps through ServiceDefaults.</summary>
    public string HealthCheckPath { get; set; } = "/health";
}
