namespace AspireMicro.Bench.Infrastructure;

/// <summary>Where the built artifacts live. Release by default: other engineers' Debug builds must not lock our binaries.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Configuration { get; } = Environment.GetEnvironmentVariable("BENCH_CONFIGURATION") ?? "Release";

    public static string AppHostDll => Path.Combine(Root, "AppHost", "bin", Configuration, "net10.0", "AspireMicro.AppHost.dll");

    public static string DashboardDll => Path.Combine(Root, "platform", "AspireMicro.Dashboard", "bin", Configuration, "net10.0", "AspireMicro.Dashboard.dll");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AspireMicro.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("AspireMicro.sln not found above " + AppContext.BaseDirectory);
    }
}
