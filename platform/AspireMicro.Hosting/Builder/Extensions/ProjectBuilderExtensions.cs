using AspireMicro.Hosting.ApplicationModel;

namespace AspireMicro.Hosting;

public static class ProjectBuilderExtensions
{
    /// <summary>Adds a project of the solution; <typeparamref name="TProject"/> is a generated <c>Projects.*</c> type.</summary>
    public static IResourceBuilder<ProjectResource> AddProject<TProject>(this IDistributedApplicationBuilder builder, string name)
        where TProject : IProjectMetadata, new() =>
        builder.AddProject(name, new TProject());

    public static IResourceBuilder<ProjectResource> AddProject(this IDistributedApplicationBuilder builder, string name, IProjectMetadata metadata) =>
        builder.AddResource(new ProjectResource(name, metadata))
            // Every project serves HTTP; the orchestrator passes the address in ASPNETCORE_URLS.
            .WithAnnotation(new EndpointAnnotation("http", "http"));

    public static IResourceBuilder<ExecutableResource> AddExecutable(
        this IDistributedApplicationBuilder builder, string name, string command, string workingDirectory, params object[] args)
    {
        var directory = Path.GetFullPath(Path.Combine(builder.AppHostDirectory, workingDirectory));
        var resource = builder.AddResource(new ExecutableResource(name, command, directory));
        return args.Length > 0 ? resource.WithArgs(args) : resource;
    }
}
