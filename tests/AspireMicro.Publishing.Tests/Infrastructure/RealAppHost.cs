using AspireMicro.Hosting;

namespace AspireMicro.Publishing.Tests.Infrastructure;

/// <summary>
/// Runs the real AppHost's Program in-process with <see cref="DistributedApplicationHooks"/>: its model is built exactly
/// as <c>dotnet run --project AppHost</c> would, but <c>Run()</c> hands the app back instead of starting anything.
/// </summary>
public static class RealAppHost
{
    public static DistributedApplication Build(params string[] args)
    {
        DistributedApplication? captured = null;
        DistributedApplicationHooks.Current = new DistributedApplicationHooks
        {
            ConfigureOptions = options =>
            {
                options.PersistGeneratedSecrets = false;
                options.DisableDashboard = true;
                options.DisableConsoleUi = true;
                options.StateDirectory = Path.Combine(Path.GetTempPath(), "aspiremicro-publish-state");
            },
            OnRun = app =>
            {
                captured = app;
                return 0;
            },
        };
        try
        {
            var entryPoint = typeof(Projects.Catalog_Api).Assembly.EntryPoint
                ?? throw new InvalidOperationException("The AppHost assembly has no entry point.");
            entryPoint.Invoke(null, [args]);
        }
        finally
        {
            DistributedApplicationHooks.Current = null;
        }

        return captured ?? throw new InvalidOperationException("The AppHost's Program did not call Run().");
    }

    /// <summary>Builds the real model in publish mode for <paramref name="target"/> and publishes into <paramref name="output"/>.</summary>
    public static async Task PublishAsync(string target, string output, params string[] extraArgs)
    {
        await using var app = Build(["publish", "--target", target, "--output", output, .. extraArgs]);
        var error = new StringWriter();
        var exitCode = await app.PublishAsync(target, output, error, CancellationToken.None);
        Assert.True(exitCode == 0, $"publish {target} exited {exitCode}: {error}");
    }
}
