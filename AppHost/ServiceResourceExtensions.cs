namespace Aspire.Hosting;

/// <summary>
/// How every AspireMicro service is declared: one HTTP endpoint, Aspire watches its /health, and a built service
/// starts straight from its assembly (<see cref="ServiceLaunch"/>).
/// </summary>
internal static class ServiceResourceExtensions
{
    public static IResourceBuilder<ProjectResource> AddService<TProject>(this IDistributedApplicationBuilder builder, string name)
        where TProject : IProjectMetadata, new() =>
        // The services carry no launchSettings.json: the endpoint is declared here, its port allocated by Aspire.
        builder.AddProject<TProject>(name)
            .WithHttpEndpoint()
            .WithHttpHealthCheck("/health")
            .WithBuiltAssemblyLaunch();
}
