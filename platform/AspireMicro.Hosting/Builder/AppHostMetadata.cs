using System.Reflection;

namespace AspireMicro.Hosting;

/// <summary>Facts the MSBuild targets bake into the AppHost assembly (see build/AspireMicro.Hosting.targets).</summary>
internal static class AppHostMetadata
{
    public const string ProjectDirectoryKey = "aspiremicro.apphost.projectdir";
    public const string DashboardPathKey = "aspiremicro.dashboard.path";

    public static string? Read(Assembly? assembly, string key) =>
        assembly?.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == key)?.Value is { Length: > 0 } value
            ? value
            : null;
}
