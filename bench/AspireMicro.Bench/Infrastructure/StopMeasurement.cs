using System.Diagnostics;

namespace AspireMicro.Bench.Infrastructure;

/// <summary>
/// Stops a launched AppHost with one signal and times how long until every process of the run is gone, proved by
/// PID and start time in /proc. Whatever is still alive after the grace period is listed and killed by PID, so the
/// bench never leaves anything behind.
/// </summary>
public static class StopMeasurement
{
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);

    public static async Task<StopResult> StopAsync(LaunchedHost host, string signal)
    {
        var known = new Dictionary<(int, long), ProcInfo>();
        void Discover()
        {
            foreach (var p in RunProcesses.Find(host.Pid, host.Marker))
            {
                known.TryAdd((p.Pid, p.StartTicks), p);
            }
        }

        Discover();
        var clock = Stopwatch.StartNew();
        double? hostExitMs = null;
        var exited = host.WaitForExitAsync(CancellationToken.None)
            .ContinueWith(_ => hostExitMs ??= clock.Elapsed.TotalMilliseconds, TaskScheduler.Default);
        Signals.Send(host.Pid, signal);

        List<ProcInfo> alive = [];
        var lastToGo = new List<string>();
        while (true)
        {
            // Keep looking while stopping: DCP and the launchers may start helpers (e.g. a clean-stop command).
            Discover();
            var before = alive;
            alive = [.. known.Values.Where(ProcessTable.IsAlive)];
            if (alive.Count == 0 || clock.Elapsed >= Grace)
            {
                // Who held the stop up: the processes still alive at the poll before the last one went.
                lastToGo = [.. before.Select(p => p.Command).Distinct()];
                break;
            }

            await Task.Delay(Poll);
        }

        var allGoneMs = alive.Count == 0 ? clock.Elapsed.TotalMilliseconds : (double?)null;
        var survivors = alive.Select(p => (p, ProcessTable.CommandLine(p.Pid))).ToList();
        foreach (var survivor in alive)
        {
            if (ProcessTable.IsAlive(survivor))
            {
                Signals.Send(survivor.Pid, "KILL");
            }
        }

        var deadline = Stopwatch.StartNew();
        while (alive.Any(ProcessTable.IsAlive) && deadline.Elapsed < TimeSpan.FromSeconds(5))
        {
            await Task.Delay(Poll);
        }

        await Task.WhenAny(exited, Task.Delay(TimeSpan.FromSeconds(5)));
        return new StopResult(signal, hostExitMs ?? double.NaN, allGoneMs, known.Count, survivors, alive.Count(ProcessTable.IsAlive), lastToGo);
    }
}
