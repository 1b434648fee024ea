using AspireMicro.Bench.Infrastructure;

namespace AspireMicro.Bench.Startup;

/// <summary>What the start-up benchmark prints: each round as it happens, then medians, ratios and stops per signal.</summary>
public static class StartupSummary
{
    public static void PrintRound(AppHostRound result)
    {
        var stop = result.Stop;
        var healthy = result.Healthy is { } h
            ? $"all {h.Resources} resources healthy {Machine.Seconds(h.WallMs)}" + (h.SelfReportedSeconds is { } self ? $" (its own line: {Machine.F(self, "0.0")} s)" : string.Empty)
            : "NOT HEALTHY: " + result.Failure;
        var gone = stop.AllGoneMs is { } ms ? $"all {stop.Tracked} processes gone {Machine.Seconds(ms)}" : $"{stop.Survivors.Count} of {stop.Tracked} processes still alive after {StopMeasurement.Grace.TotalSeconds:0} s";
        Console.WriteLine($"  {result.Subject,-24} {healthy}; SIG{stop.Signal}: AppHost exit {Machine.Seconds(stop.HostExitMs)}, {gone}"
            + (stop.LastToGo.Count > 0 ? $" (last: {string.Join(", ", stop.LastToGo)})" : string.Empty));
        foreach (var (process, commandLine) in stop.Survivors)
        {
            Console.WriteLine($"    SURVIVOR pid {process.Pid} ({process.Command}) {Trim(commandLine)}");
        }

        if (stop.LeftBehind > 0)
        {
            Console.WriteLine($"    {stop.LeftBehind} survivor(s) still alive after the bench's SIGKILL");
        }
    }

    public static void Print(IReadOnlyList<double> floors, IReadOnlyList<(int Round, AppHostRound Result)> results, IReadOnlyList<string> subjects)
    {
        Console.WriteLine();
        Console.WriteLine($"## start-up, launch to all healthy (median of {floors.Count} rounds; rounds in order)");
        Console.WriteLine($"  {StartupBenchmark.RabbitMq,-24} {Machine.Seconds(Stats.Median(floors))}  ({Rounds(floors)})");
        var medians = new Dictionary<string, double>();
        foreach (var subject in subjects)
        {
            var healthy = results.Where(r => r.Result.Subject == subject && r.Result.Healthy is not null).Select(r => r.Result.Healthy!).ToList();
            var failed = results.Count(r => r.Result.Subject == subject && r.Result.Healthy is null);
            if (healthy.Count == 0)
            {
                Console.WriteLine($"  {subject,-24} never all healthy ({failed} rounds)");
                continue;
            }

            medians[subject] = Stats.Median(healthy.Select(h => h.WallMs));
            var counts = string.Join("/", healthy.Select(h => h.Resources).Distinct());
            Console.WriteLine($"  {subject,-24} {Machine.Seconds(medians[subject])}  ({Rounds(healthy.Select(h => h.WallMs))}), {counts} resources"
                + (failed > 0 ? $", {failed} rounds never healthy" : string.Empty));
        }

        Console.WriteLine("## ratios of medians (and per round)");
        var floorMedian = Stats.Median(floors);
        PrintRatio(StartupSubjects.Full, StartupSubjects.OneProject, medians, results, null);
        PrintRatio(StartupSubjects.Full, StartupBenchmark.RabbitMq, medians, results, floors, floorMedian);
        if (subjects.Contains(StartupSubjects.OldPlatform))
        {
            PrintRatio(StartupSubjects.OldPlatform, StartupBenchmark.RabbitMq, medians, results, floors, floorMedian);
            PrintRatio(StartupSubjects.Full, StartupSubjects.OldPlatform, medians, results, null);
        }

        Console.WriteLine($"## stop: signal to zero processes of the run (survivors listed after {StopMeasurement.Grace.TotalSeconds:0} s, then killed by PID)");
        foreach (var group in results.GroupBy(r => (r.Result.Subject, r.Result.Stop.Signal)))
        {
            var stops = group.Select(r => r.Result.Stop).ToList();
            var times = string.Join(" / ", stops.Select(s => s.AllGoneMs is { } ms ? Machine.Seconds(ms) : $"> {StopMeasurement.Grace.TotalSeconds:0} s"));
            Console.WriteLine($"  {group.Key.Subject,-24} SIG{group.Key.Signal,-4} zero processes after {times}; AppHost exit {string.Join(" / ", stops.Select(s => Machine.Seconds(s.HostExitMs)))}; " +
                $"processes {string.Join(" / ", stops.Select(s => s.Tracked))}; survivors {stops.Sum(s => s.Survivors.Count)}");
        }
    }

    private static void PrintRatio(
        string numerator,
        string denominator,
        Dictionary<string, double> medians,
        IReadOnlyList<(int Round, AppHostRound Result)> results,
        IReadOnlyList<double>? floors,
        double floorMedian = double.NaN)
    {
        var top = medians.GetValueOrDefault(numerator, double.NaN);
        var bottom = floors is null ? medians.GetValueOrDefault(denominator, double.NaN) : floorMedian;
        var perRound = results.Where(r => r.Result.Subject == numerator).Select(r =>
        {
            var other = floors is null
                ? results.FirstOrDefault(o => o.Round == r.Round && o.Result.Subject == denominator).Result?.Healthy?.WallMs
                : floors[r.Round - 1];
            return r.Result.Healthy is { } h && other is { } o ? Machine.F(h.WallMs / o) : "–";
        });
        Console.WriteLine($"  {numerator} / {denominator}: {Machine.F(top / bottom)}×  ({string.Join(" / ", perRound)})");
    }

    private static string Rounds(IEnumerable<double> ms) => string.Join(" / ", ms.Select(Machine.Seconds));

    private static string Trim(string text) => text.Length > 160 ? text[..160] + "…" : text;
}
