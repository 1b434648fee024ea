using AspireMicro.Hosting.Processes;

namespace AspireMicro.Hosting.Backing;

/// <summary>The whole start sequence of a backing server: check install, prepare, start, wait until it answers.</summary>
public static class NativeServerLauncher
{
    public static readonly TimeSpan DefaultReadyTimeout = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Returns the running, ready server. If it does not become ready it is killed before the error is thrown, so a
    /// failed start leaves nothing running.
    /// </summary>
    public static async Task<IChildProcess> StartAsync(
        INativeServerRecipe recipe,
        NativeServerContext context,
        ChildProcessHost host,
        Action<LogLine> onLog,
        TimeSpan? readyTimeout,
        CancellationToken ct)
    {
        recipe.EnsureInstalled();
        var spec = await recipe.PrepareAsync(context, ct);
        var process = await host.StartAsync(spec, onLog, ct);
        try
        {
            await ReadinessProbe.WaitUntilReadyAsync(recipe, context, process.Completion, readyTimeout ?? DefaultReadyTimeout, ct);
            return process;
        }
        catch
        {
            process.Kill();
            await process.Completion.WaitAsync(TimeSpan.FromSeconds(10), CancellationToken.None);
            throw;
        }
    }
}
