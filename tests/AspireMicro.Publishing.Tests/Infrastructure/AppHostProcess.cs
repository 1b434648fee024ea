namespace AspireMicro.Publishing.Tests.Infrastructure;

/// <summary>
/// The real AppHost as operators run it: <c>dotnet AspireMicro.AppHost.dll --operation publish --step … --output-path …</c>
/// in a child process, from the AppHost's own build output of the same configuration as the tests.
/// </summary>
public static class AppHostProcess
{
    public static string Dll { get; } = FindDll();

    public static Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(params string[] args) =>
        ProcessRunner.RunAsync("dotnet", Path.GetTempPath(), [Dll, .. args], TimeSpan.FromMinutes(2));

    /// <summary>Publishes one step into <paramref name="output"/>; fails the test with the AppHost's output if it does not exit 0.</summary>
    public static async Task PublishAsync(string step, string output, params string[] extraArgs)
    {
        var (exitCode, stdout, stderr) = await RunAsync(["--operation", "publish", "--step", step, "--output-path", output, .. extraArgs]);
        Assert.True(exitCode == 0, $"publish {step} exited {exitCode}:\n{stdout}\n{stderr}");
    }

    private static string FindDll()
    {
        // tests/AspireMicro.Publishing.Tests/bin/<Configuration>/net10.0/ → AppHost/bin/<Configuration>/net10.0/
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var dll = Path.Combine(RepositoryPaths.Root, "AppHost", "bin", configuration, "net10.0", "AspireMicro.AppHost.dll");
        return File.Exists(dll) ? dll : throw new InvalidOperationException($"{dll} not found: build the AppHost ({configuration}) first.");
    }
}
