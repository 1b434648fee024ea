using System.Diagnostics;
using AspireMicro.Bench.Infrastructure;
using AspireMicro.Hosting.Backing;

namespace AspireMicro.Bench.Startup;

/// <summary>
/// The floor for start-up: one RabbitMQ node (the slowest backing process) started the way the platform starts it,
/// timed to the first successful AMQP connection, in a private temp dir on free ports, then stopped.
/// </summary>
public static class RabbitMqAlone
{
    public static async Task<double> MeasureAsync()
    {
        // The platform's own recipe prepares the node (config, private dirs, ports, its own epmd, the rabbitmq user)
        // and says when it is ready, so the floor cannot drift from how the app starts its broker.
        var root = Directory.CreateTempSubdirectory("bench-rabbit-").FullName;
        var recipe = new RabbitMqRecipe();
        var context = new NativeServerContext("bench-rabbit", root, FreePort.Next(), Guid.NewGuid().ToString("N"), PersistentData: false)
        {
            ExtraPorts = recipe.ExtraPortNames.ToDictionary(name => name, _ => FreePort.Next()),
        };
        var spec = await recipe.PrepareAsync(context, CancellationToken.None);

        // setsid: its own process group, so the whole Erlang tree can be signalled at once when done.
        var start = new ProcessStartInfo(
            "setsid",
            ["setpriv", $"--reuid={spec.RunAsUser}", $"--regid={spec.RunAsUser}", "--init-groups", spec.FileName, .. spec.Arguments])
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = spec.WorkingDirectory,
        };
        foreach (var (key, value) in spec.Environment)
        {
            start.Environment[key] = value;
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            while (clock.Elapsed < TimeSpan.FromSeconds(120))
            {
                if (await recipe.IsReadyAsync(context, CancellationToken.None))
                {
                    return clock.Elapsed.TotalMilliseconds;
                }

                await Task.Delay(50);
            }

            throw new TimeoutException("RabbitMQ alone did not accept AMQP within 120 s.");
        }
        finally
        {
            await StopGroupAsync(process);
            Directory.Delete(root, recursive: true);
        }
    }

    private static async Task StopGroupAsync(Process process)
    {
        // The group id is the setsid'd child's pid; SIGTERM lets Erlang stop cleanly, SIGKILL if it will not.
        var group = process.Id;
        Signals.Send(-group, "TERM");
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
        }

        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (ProcessTable.Snapshot().Any(p => p.ProcessGroup == group && p.Command != "epmd") && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        if (ProcessTable.Snapshot().Any(p => p.ProcessGroup == group && p.Command != "epmd"))
        {
            Signals.Send(-group, "KILL");
        }
    }
}
