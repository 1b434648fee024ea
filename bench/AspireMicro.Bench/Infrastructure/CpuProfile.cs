using System.Globalization;

namespace AspireMicro.Bench.Infrastructure;

/// <summary>
/// A coarse profile without a profiler: CPU milliseconds each process of a run burned between two snapshots,
/// labelled by resource name (from the AppHost's table) or by what it runs. On 2 shared cores, CPU per request is
/// what bounds throughput, so this shows which hop costs what.
/// </summary>
public sealed class CpuProfile
{
    private readonly Dictionary<int, (string Label, double Ms)> _start;

    private CpuProfile(Dictionary<int, (string Label, double Ms)> start) => _start = start;

    public static CpuProfile Start(AppHostRun run) => new(Snapshot(run));

    /// <summary>CPU ms per label since <see cref="Start"/>.</summary>
    public IReadOnlyDictionary<string, double> Stop(AppHostRun run)
    {
        var end = Snapshot(run);
        return end
            .Where(kv => _start.ContainsKey(kv.Key))
            .GroupBy(kv => kv.Value.Label)
            .ToDictionary(g => g.Key, g => g.Sum(kv => kv.Value.Ms - _start[kv.Key].Ms));
    }

    public static double TotalMicroseconds(IReadOnlyDictionary<string, double> cpu, long requests) =>
        cpu.Values.Where(v => v > 0).Sum() / Math.Max(1, requests) * 1000;

    /// <summary>Per-process CPU per request, then the sum: the sum is what two shared cores must pay for each request.</summary>
    public static string Format(IReadOnlyDictionary<string, double> cpu, long requests)
    {
        static string Us(double ms, long requests) => (ms / Math.Max(1, requests) * 1000).ToString("0", CultureInfo.InvariantCulture);
        var perProcess = string.Join(", ", cpu.Where(kv => kv.Value > 0).OrderByDescending(kv => kv.Value)
            .Select(kv => $"{kv.Key} {Us(kv.Value, requests)} µs"));
        return $"{perProcess}; total {TotalMicroseconds(cpu, requests).ToString("0", CultureInfo.InvariantCulture)} µs";
    }

    private static Dictionary<int, (string Label, double Ms)> Snapshot(AppHostRun run)
    {
        var byPid = run.Rows.Values
            .Where(r => int.TryParse(r.Pid, out _))
            .ToDictionary(r => int.Parse(r.Pid, CultureInfo.InvariantCulture), r => r.Name);
        var result = new Dictionary<int, (string Label, double Ms)> { [run.Pid] = ("apphost", ProcessTable.CpuMs(run.Pid)) };
        foreach (var p in ProcessTable.Family(run.Pid, null))
        {
            var label = byPid.GetValueOrDefault(p.Pid)
                ?? (ProcessTable.CommandLine(p.Pid).Contains("Dashboard", StringComparison.Ordinal) ? "dashboard" : p.Command);
            result[p.Pid] = (label, ProcessTable.CpuMs(p.Pid));
        }

        return result;
    }
}
