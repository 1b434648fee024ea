using Aspire.Hosting.Testing;
using AspireMicro.Bench.Infrastructure;

namespace AspireMicro.Bench.Gateway;

/// <summary>
/// The same public catalog read three ways in one run, alternating each round so all see the same machine: straight
/// to one catalog replica, through Aspire's proxy in front of the replicas (what the gateway calls), and through the
/// gateway. Telemetry stays on (dashboard in the model) unless <c>--telemetry off</c>.
/// </summary>
public static class GatewayBenchmark
{
    private const double Target = 0.6;
    private const string Path = "/api/catalog/items/1";

    public static async Task<int> RunAsync(int rounds, int connections, TimeSpan duration, bool telemetry)
    {
        Console.WriteLine($"# gateway — {Machine.Describe()} — telemetry {(telemetry ? "on (exported to the Aspire dashboard)" : "off")}");
        var started = DateTime.UtcNow;
        await using var shop = await RunningShop.StartAsync(telemetry, TimeSpan.FromMinutes(4));
        var targets = new (string Name, string Url)[]
        {
            ("direct", await shop.ReplicaAddressAsync("catalog") + Path),
            ("aspire proxy", shop.App.GetEndpoint("catalog").ToString().TrimEnd('/') + Path),
            ("gateway", shop.App.GetEndpoint("gateway").ToString().TrimEnd('/') + Path),
        };
        Console.WriteLine($"app healthy in {Machine.Seconds((DateTime.UtcNow - started).TotalMilliseconds)}; wrk -t1 -c{connections} -d{duration.TotalSeconds:0}s");
        foreach (var (name, url) in targets)
        {
            Console.WriteLine($"  {name}: {url}");
        }

        // Warm-up: JIT and tiered compilation, connection pools, the Redis cache entry.
        foreach (var (_, url) in targets)
        {
            await Wrk.RunAsync(url, connections, TimeSpan.FromSeconds(5));
        }

        var results = targets.ToDictionary(t => t.Name, _ => new List<WrkResult>());
        for (var round = 1; round <= rounds; round++)
        {
            // Rotate the order so no target always runs first (or last) in a round.
            foreach (var (name, url) in targets.Skip(round % targets.Length).Concat(targets.Take(round % targets.Length)))
            {
                var result = await Wrk.RunAsync(url, connections, duration);
                results[name].Add(result);
                Console.WriteLine($"round {round} {name,-12}: {Machine.F(result.RequestsPerSecond, "0")} req/s p50 {Machine.F(result.P50Ms)} ms p99 {Machine.F(result.P99Ms)} ms (non-2xx {result.Non2xx}, socket errors {result.SocketErrors}) load {Machine.LoadAverage()}");
            }
        }

        var direct = results["direct"];
        foreach (var name in targets.Select(t => t.Name).Skip(1))
        {
            var ratios = direct.Zip(results[name], (d, x) => x.RequestsPerSecond / d.RequestsPerSecond).ToList();
            var addedP99 = Stats.Median(results[name].Select(r => r.P99Ms)) - Stats.Median(direct.Select(r => r.P99Ms));
            var addedP50 = Stats.Median(results[name].Select(r => r.P50Ms)) - Stats.Median(direct.Select(r => r.P50Ms));
            Console.WriteLine($"{name} / direct: median of per-round throughput ratios {Machine.F(Stats.Median(ratios))} ({string.Join(" / ", ratios.Select(r => Machine.F(r)))}); added p50 {addedP50:+0.00;-0.00} ms, p99 {addedP99:+0.00;-0.00} ms");
        }

        var gatewayRatio = Stats.Median(direct.Zip(results["gateway"], (d, g) => g.RequestsPerSecond / d.RequestsPerSecond));
        Console.WriteLine($"goal: gateway >= {Target}x direct -> {(gatewayRatio >= Target ? "MET" : $"MISSED ({Machine.F(gatewayRatio)}x)")}");
        var errors = results.Values.SelectMany(r => r).Sum(r => r.Non2xx + r.SocketErrors);
        Console.WriteLine($"errors (non-2xx + socket) over all rounds: {errors}");
        return errors == 0 ? 0 : 1;
    }
}
