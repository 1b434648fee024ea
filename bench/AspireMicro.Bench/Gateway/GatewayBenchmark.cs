using AspireMicro.Bench.Infrastructure;

namespace AspireMicro.Bench.Gateway;

/// <summary>
/// Benchmark 2: the same catalog read straight to catalog-0 and through the gateway, alternating in one run so both
/// see the same machine. The gateway's per-client rate limit is lifted: wrk is one client.
/// </summary>
public static class GatewayBenchmark
{
    private const double Target = 0.6;
    private const string Path = "/api/catalog/items/1";

    public static async Task<int> RunAsync(int rounds, int connections, TimeSpan duration, bool quietLogs)
    {
        Console.WriteLine($"# gateway — {Machine.Describe()}{(quietLogs ? " — per-request Information logs off" : "")}");
        var environment = new Dictionary<string, string> { ["Gateway__RateLimit__PermitLimit"] = "1000000" };
        if (quietLogs)
        {
            // Experiment: without appsettings the services log two or more Information lines per request
            // (hosting diagnostics, YARP), which the AppHost captures and the dashboard ingests.
            environment["Logging__LogLevel__Microsoft.AspNetCore"] = "Warning";
            environment["Logging__LogLevel__Yarp"] = "Warning";
        }

        await using var run = AppHostRun.Start(environment);
        var startup = await run.WaitAllHealthyAsync(TimeSpan.FromMinutes(4));
        var direct = run.Endpoint("catalog-0").TrimEnd('/') + Path;
        var gateway = run.Endpoint("gateway").TrimEnd('/') + Path;
        Console.WriteLine($"app healthy in {Machine.Ms(startup)}; direct {direct}; via {gateway}; wrk -t1 -c{connections} -d{duration.TotalSeconds:0}s");

        // Warm-up: JIT and tiered compilation, connection pools, the Redis cache entry (a first short run was seen still warming).
        await Wrk.RunAsync(direct, connections, TimeSpan.FromSeconds(10));
        await Wrk.RunAsync(gateway, connections, TimeSpan.FromSeconds(10));

        var directResults = new List<WrkResult>();
        var gatewayResults = new List<WrkResult>();
        var directCpuPerRequest = new List<double>();
        var gatewayCpuPerRequest = new List<double>();
        for (var i = 1; i <= rounds; i++)
        {
            var profile = CpuProfile.Start(run);
            var d = await Wrk.RunAsync(direct, connections, duration);
            var directCpu = profile.Stop(run);
            profile = CpuProfile.Start(run);
            var g = await Wrk.RunAsync(gateway, connections, duration);
            var gatewayCpu = profile.Stop(run);
            directResults.Add(d);
            directCpuPerRequest.Add(CpuProfile.TotalMicroseconds(directCpu, d.Requests));
            gatewayCpuPerRequest.Add(CpuProfile.TotalMicroseconds(gatewayCpu, g.Requests));
            gatewayResults.Add(g);
            Console.WriteLine($"round {i}: direct {Machine.F(d.RequestsPerSecond, "0")} req/s p50 {Machine.F(d.P50Ms)} p99 {Machine.F(d.P99Ms)} ms (non-2xx {d.Non2xx}, socket errors {d.SocketErrors}) | " +
                $"gateway {Machine.F(g.RequestsPerSecond, "0")} req/s p50 {Machine.F(g.P50Ms)} p99 {Machine.F(g.P99Ms)} ms (non-2xx {g.Non2xx}, socket errors {g.SocketErrors}) | ratio {Machine.F(g.RequestsPerSecond / d.RequestsPerSecond)} | load {Machine.LoadAverage()}");
            Console.WriteLine($"  CPU per request, direct: {CpuProfile.Format(directCpu, d.Requests)}");
            Console.WriteLine($"  CPU per request, gateway: {CpuProfile.Format(gatewayCpu, g.Requests)}");
        }

        // Medians: other engineers' builds come and go during a run, and one disturbed round must not decide the figure.
        var directRps = Stats.Median(directResults.Select(r => r.RequestsPerSecond));
        var gatewayRps = Stats.Median(gatewayResults.Select(r => r.RequestsPerSecond));
        var ratio = gatewayRps / directRps;
        Console.WriteLine($"median of per-round ratios: {Machine.F(Stats.Median(directResults.Zip(gatewayResults, (d, g) => g.RequestsPerSecond / d.RequestsPerSecond)))}");
        var addedP99 = Stats.Median(gatewayResults.Select(r => r.P99Ms)) - Stats.Median(directResults.Select(r => r.P99Ms));
        var addedP50 = Stats.Median(gatewayResults.Select(r => r.P50Ms)) - Stats.Median(directResults.Select(r => r.P50Ms));
        Console.WriteLine($"median throughput: direct {Machine.F(directRps, "0")} req/s, gateway {Machine.F(gatewayRps, "0")} req/s, ratio {Machine.F(ratio)} (target ≥ {Target}) -> {(ratio >= Target ? "MET" : $"MISSED by {Machine.F(Target - ratio)}")}");
        Console.WriteLine($"added latency through the gateway (median over rounds): p50 {addedP50:+0.00;-0.00} ms, p99 {addedP99:+0.00;-0.00} ms");
        // On 2 shared cores the CPU every process spends per request bounds throughput; this is the ratio's cause.
        Console.WriteLine($"CPU per request, all processes (median over rounds): direct {Machine.F(Stats.Median(directCpuPerRequest), "0")} µs, gateway {Machine.F(Stats.Median(gatewayCpuPerRequest), "0")} µs");
        var errors = directResults.Concat(gatewayResults).Sum(r => r.Non2xx + r.SocketErrors);
        Console.WriteLine($"errors (non-2xx + socket) over all rounds: {errors}");
        return errors == 0 ? 0 : 1;
    }
}
