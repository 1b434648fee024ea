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

    public static async Task<int> RunAsync(int rounds, int connections, TimeSpan duration)
    {
        Console.WriteLine($"# gateway — {Machine.Describe()}");
        await using var run = AppHostRun.Start(new Dictionary<string, string> { ["Gateway__RateLimit__PermitLimit"] = "1000000" });
        var startup = await run.WaitAllHealthyAsync(TimeSpan.FromMinutes(4));
        var direct = run.Endpoint("catalog-0").TrimEnd('/') + Path;
        var gateway = run.Endpoint("gateway").TrimEnd('/') + Path;
        Console.WriteLine($"app healthy in {Machine.Ms(startup)}; direct {direct}; via {gateway}; wrk -t1 -c{connections} -d{duration.TotalSeconds:0}s");

        // Warm-up: JIT, connection pools, the Redis cache entry.
        await Wrk.RunAsync(direct, connections, TimeSpan.FromSeconds(3));
        await Wrk.RunAsync(gateway, connections, TimeSpan.FromSeconds(3));

        var directResults = new List<WrkResult>();
        var gatewayResults = new List<WrkResult>();
        for (var i = 1; i <= rounds; i++)
        {
            var d = await Wrk.RunAsync(direct, connections, duration);
            var g = await Wrk.RunAsync(gateway, connections, duration);
            directResults.Add(d);
            gatewayResults.Add(g);
            Console.WriteLine($"round {i}: direct {Machine.F(d.RequestsPerSecond, "0")} req/s p50 {Machine.F(d.P50Ms)} p99 {Machine.F(d.P99Ms)} ms (non-2xx {d.Non2xx}, socket errors {d.SocketErrors}) | " +
                $"gateway {Machine.F(g.RequestsPerSecond, "0")} req/s p50 {Machine.F(g.P50Ms)} p99 {Machine.F(g.P99Ms)} ms (non-2xx {g.Non2xx}, socket errors {g.SocketErrors}) | load {Machine.LoadAverage()}");
        }

        var directRps = directResults.Average(r => r.RequestsPerSecond);
        var gatewayRps = gatewayResults.Average(r => r.RequestsPerSecond);
        var ratio = gatewayRps / directRps;
        var addedP99 = Stats.Median(gatewayResults.Select(r => r.P99Ms)) - Stats.Median(directResults.Select(r => r.P99Ms));
        var addedP50 = Stats.Median(gatewayResults.Select(r => r.P50Ms)) - Stats.Median(directResults.Select(r => r.P50Ms));
        Console.WriteLine($"throughput: direct {Machine.F(directRps, "0")} req/s, gateway {Machine.F(gatewayRps, "0")} req/s, ratio {Machine.F(ratio)} (target ≥ {Target}) -> {(ratio >= Target ? "MET" : $"MISSED by {Machine.F(Target - ratio)}")}");
        Console.WriteLine($"added latency through the gateway: p50 +{Machine.F(addedP50)} ms, p99 +{Machine.F(addedP99)} ms");
        var errors = directResults.Concat(gatewayResults).Sum(r => r.Non2xx + r.SocketErrors);
        Console.WriteLine($"errors (non-2xx + socket) over all rounds: {errors}");
        return errors == 0 ? 0 : 1;
    }
}
