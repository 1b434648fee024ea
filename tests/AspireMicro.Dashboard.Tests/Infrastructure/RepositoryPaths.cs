namespace AspireMicro.Dashboard.Tests.Infrastructure;

public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The dashboard as built by the ProjectReference, run from its own output folder.</summary>
    public static string DashboardDll
    {
        get
        {
            var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
            return Path.Combine(Root, "platform", "AspireMicro.Dashboard", "bin", configuration, "net10.0", "AspireMicro.Dashboard.dll");
        }
    }

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "AspireMicro.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("AspireMicro.sln not found above " + AppContext.BaseDirectory);
    }
}
