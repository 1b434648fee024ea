namespace AspireMicro.Bench.Infrastructure;

/// <summary>Where the built artifacts live. Release by default: other engineers' Debug builds must not lock our binaries.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Configuration { get; } = Environment.GetEnvironmentVariable("BENCH_CONFIGURATION") ?? "Release";

    public static string AppHostDll => AppHostDllUnder(Root);

    public static string OneProjectAppHostDll =>
        Path.Combine(Root, "bench", "OneProjectAppHost", "bin", Configuration, "net10.0", "OneProjectAppHost.dll");

    /// <summary>The launcher the platform embeds and DCP runs for the broker; the floor runs the same file.</summary>
    public static string RabbitMqLauncher =>
        Path.Combine(Root, "platform", "AspireMicro.Hosting.NativeStores", "Launchers", "rabbitmq.sh");

    /// <summary>The AppHost of a checkout (this one, or the old platform's worktree).</summary>
    public static string AppHostDllUnder(string checkout) =>
        Path.Combine(checkout, "AppHost", "bin", Configuration, "net10.0", "AspireMicro.AppHost.dll");

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
