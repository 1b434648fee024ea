using AspireMicro.Hosting.ApplicationModel;

namespace AspireMicro.Hosting.Testing;

/// <summary>
/// The AppHost's own builder, captured after its Program declared every resource, for a test to adjust
/// (configuration, environment, removed resources) before <see cref="BuildAsync"/>.
/// </summary>
public interface IDistributedApplicationTestingBuilder : IDistributedApplicationBuilder
{
    /// <summary>Takes a resource out of the model; anything that references it must be removed as well.</summary>
    bool RemoveResource(string name);

    /// <summary>A builder for a resource the AppHost declared, e.g. to add <c>WithEnvironment</c>.</summary>
    IResourceBuilder<T> GetResource<T>(string name) where T : IResource;

    Task<DistributedApplication> BuildAsync(CancellationToken cancellationToken = default);
}
