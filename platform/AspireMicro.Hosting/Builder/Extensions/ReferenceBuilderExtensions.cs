using AspireMicro.Hosting.ApplicationModel;

namespace AspireMicro.Hosting;

/// <summary>WithReference: the environment contract of docs/contracts.md, identical to .NET Aspire's.</summary>
public static class ReferenceBuilderExtensions
{
    /// <summary>Injects <c>ConnectionStrings__{name}</c>.</summary>
    public static IResourceBuilder<T> WithReference<T>(
        this IResourceBuilder<T> builder, IResourceBuilder<IResourceWithConnectionString> source, string? connectionName = null)
        where T : IResourceWithEnvironment
    {
        var resource = source.Resource;
        var name = connectionName ?? resource.ConnectionStringName;
        builder.WithAnnotation(new ResourceReferenceAnnotation(resource));
        return builder.WithAnnotation(new EnvironmentCallbackAnnotation(
            $"ConnectionStrings__{name}", new ConnectionStringReference(resource)));
    }

    /// <summary>Injects <c>services__{name}__{endpoint}__{i}</c> for every endpoint and every replica of the target.</summary>
    public static IResourceBuilder<T> WithReference<T>(this IResourceBuilder<T> builder, IResourceBuilder<IResourceWithServiceDiscovery> source)
        where T : IResourceWithEnvironment
    {
        var resource = source.Resource;
        builder.WithAnnotation(new ResourceReferenceAnnotation(resource));
        return builder.WithAnnotation(new EnvironmentCallbackAnnotation(context =>
        {
            // Read at callback time, so WithReplicas/WithHttpEndpoint called after WithReference still count.
            var replicas = resource.GetReplicaCount();
            foreach (var endpoint in resource.GetEndpointAnnotations())
            {
                for (var i = 0; i < replicas; i++)
                {
                    context.EnvironmentVariables[$"services__{resource.Name}__{endpoint.Name}__{i}"] =
                        new EndpointReference(resource, endpoint.Name, i);
                }
            }

            return Task.CompletedTask;
        }));
    }
}
