using System.Reflection;

namespace Aspire.Hosting;

/// <summary>
/// Starts a built service as <c>dotnet &lt;assembly&gt;</c> rather than Aspire's default <c>dotnet run --project</c>,
/// which spends 1 to 2.5 s of CPU per process evaluating the project before the service even starts (measured on
/// this 2-core machine; the app starts eight at once). The assembly paths come from the build
/// (<c>RecordServiceAssemblies</c> in the AppHost project). Aspire's own launch is kept where it does more than run
/// the program: under an IDE (it attaches the debugger through its debug session), under <c>dotnet watch</c>, and
/// whenever the assembly is not there.
/// </summary>
internal static class ServiceLaunch
{
    private const string MetadataPrefix = "ServiceAssembly:";
    private static readonly IReadOnlyDictionary<string, string> Assemblies = typeof(ServiceLaunch).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Where(a => a.Key.StartsWith(MetadataPrefix, StringComparison.Ordinal) && a.Value is not null)
        .ToDictionary(a => Path.GetFullPath(a.Key[MetadataPrefix.Length..]), a => a.Value!, StringComparer.Ordinal);

    public static IResourceBuilder<ProjectResource> WithBuiltAssemblyLaunch(this IResourceBuilder<ProjectResource> service)
    {
        var builder = service.ApplicationBuilder;
        var configuration = builder.Configuration;
        if (!builder.ExecutionContext.IsRunMode
            || !string.IsNullOrEmpty(configuration["DEBUG_SESSION_PORT"])
            || string.Equals(configuration["DOTNET_WATCH"], "1", StringComparison.Ordinal)
            || !service.Resource.TryGetLastAnnotation<IProjectMetadata>(out var project)
            || !Assemblies.TryGetValue(Path.GetFullPath(project.ProjectPath), out var assembly)
            || !File.Exists(assembly))
        {
            return service;
        }

        // The working directory stays the project's, as with dotnet run: the content root, and with it
        // appsettings.json, is the same either way.
        return service
            .WithAnnotation(
                new ExecutableAnnotation { Command = "dotnet", WorkingDirectory = Path.GetDirectoryName(project.ProjectPath)! },
                ResourceAnnotationMutationBehavior.Replace)
            .WithArgs(assembly);
    }
}
