using AspireMicro.Hosting.ApplicationModel;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AspireMicro.Hosting;

/// <summary>Collects resources; every <c>AddX</c>/<c>WithX</c> is an extension method over this and <see cref="IResourceBuilder{T}"/>.</summary>
public interface IDistributedApplicationBuilder
{
    ConfigurationManager Configuration { get; }

    /// <summary>Where publishers, DI-registered extensions and the orchestrator find their services.</summary>
    IServiceCollection Services { get; }

    DistributedApplicationOptions Options { get; }

    DistributedApplicationExecutionContext ExecutionContext { get; }

    /// <summary>Folder of the AppHost project (relative paths in the model are resolved against it).</summary>
    string AppHostDirectory { get; }

    IReadOnlyList<IResource> Resources { get; }

    IResourceBuilder<T> AddResource<T>(T resource) where T : IResource;

    /// <summary>A builder for a resource that is not (yet) in the model, e.g. a generated password parameter.</summary>
    IResourceBuilder<T> CreateResourceBuilder<T>(T resource) where T : IResource;

    DistributedApplication Build();
}
