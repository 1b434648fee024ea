using AspireMicro.Bench.Infrastructure;

namespace AspireMicro.Bench.Startup;

/// <summary>
/// Benchmark 1: AppHost start to every resource healthy (median of N), beside RabbitMQ started alone in the same
/// rounds (interleaved, so both see the same machine load); then Ctrl+C to nothing left running.
/// </summary>
public static class StartupBenchmark
{
    private const double Target = 1.3;

    public static async Task<int> RunAsync(int rounds)
    {
        Console.WriteLine($"# startup — {Machine.Describe()}");
        var floors = new List<double>();
        var totals = new List<double>();
        var stops = new List<StopResult>();
        var breakdowns = new List<IReadOnlyDictionary<string, double>>();
        for (var i = 1; i <= rounds; i++)
        {
            var floor = await RabbitMqAlone.MeasureAsync();
            floors.Add(floor);
            await using var run = AppHostRun.Start();
            var total = await run.WaitAllHealthyAsync(TimeSpan.FromMinutes(4));
            totals.Add(total);
            breakdowns.Add(new Dictionary<string, double>(run.HealthyAt));
            var stop = await run.StopAsync(TimeSpan.FromSeconds(60));
            stops.Add(stop);
            Console.WriteLine($"round {i}: rabbitmq alone {Machine.Ms(floor)}, apphost all healthy {Machine.Ms(total)} ({run.Rows.Count} resources), " +
                $"stop: exit {Machine.Ms(stop.ExitMs)}, all {stop.Tracked} children gone {Machine.Ms(stop.AllGoneMs)}, survivors {stop.Survivors.Count}, exit code {stop.ExitCode}, load {Machine.LoadAverage()}");
            foreach (var survivor in stop.Survivors)
            {
                Console.WriteLine($"  SURVIVOR pid {survivor.Pid} {survivor.Command}");
            }
        }

        var floorMedian = Stats.Median(floors);
        var totalMedian = Stats.Median(totals);
        var ratio = totalMedian / floorMedian;
        Console.WriteLine($"median rabbitmq alone: {Machine.Ms(floorMedian)}");
        Console.WriteLine($"median apphost to all healthy: {Machine.Ms(totalMedian)}");
        Console.WriteLine($"ratio: {Machine.F(ratio)} × floor (target ≤ {Target}) -> {(ratio <= Target ? "MET" : $"MISSED by {Machine.F((ratio - Target) * floorMedian / 1000.0, "0.0")} s")}");
        Console.WriteLine($"median stop: AppHost exit {Machine.Ms(Stats.Median(stops.Select(s => s.ExitMs)))}, every child gone {Machine.Ms(Stats.Median(stops.Select(s => s.AllGoneMs)))}; survivors over all rounds: {stops.Sum(s => s.Survivors.Count)}");

        // Where the time goes: when each resource became healthy in the median round.
        var medianRound = totals.IndexOf(Stats.Median(totals));
        Console.WriteLine("time to healthy per resource (median round):");
        foreach (var (name, ms) in breakdowns[medianRound].OrderBy(kv => kv.Value))
        {
            Console.WriteLine($"  {name,-20} {Machine.Ms(ms)}");
        }

        return stops.Sum(s => s.Survivors.Count) == 0 ? 0 : 1;
    }
}
