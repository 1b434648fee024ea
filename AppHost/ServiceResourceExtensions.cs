namespace Aspire.Hosting;

/// <summary>How every AspireMicro service is declared: one HTTP endpoint, and Aspire watches its /health.</summary>
internal static class ServiceResourceExtensions
{
    public static IResourceBuilder<ProjectResource> AddService<TProject>(this IDistributedApplicationBuilder builder, string name)
        where TProject : IProjectMetadata, new() =>
        // The services carry no launchSettings.json: the endpoint is declared here, its port allocated by Aspire.
        builder.AddProject<TProject>(name)
            .WithHttpEndpoint()
            .WithHttpHealthCheck("/health");
}
