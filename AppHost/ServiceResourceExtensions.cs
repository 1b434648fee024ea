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

internal static class SecretParameterExtensions
{
    /// <summary>
    /// A secret parameter generated when absent (letters and digits, 24 characters, at least one of each kind) and, on
    /// a developer's machine, kept in the AppHost's user secrets so it stays the same across runs; set
    /// <c>Parameters:{name}</c> to choose it. Shown nowhere but the dashboard's parameter view.
    /// </summary>
    public static IResourceBuilder<ParameterResource> AddGeneratedSecret(this IDistributedApplicationBuilder builder, string name) =>
        builder.AddParameter(
            name,
            new GenerateParameterDefault { MinLength = 24, Special = false, MinLower = 1, MinUpper = 1, MinNumeric = 1 },
            secret: true,
            persist: true);
}
