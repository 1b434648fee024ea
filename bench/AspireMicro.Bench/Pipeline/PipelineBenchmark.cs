using System.Diagnostics;
using System.Text.Json;
using AspireMicro.Bench.Infrastructure;

namespace AspireMicro.Bench.Pipeline;

/// <summary>
/// Benchmark 3: checkouts through the gateway for a fixed window, then a bounded drain until every accepted order is
/// Paid or Cancelled in ordering's database; the counts prove nothing was lost, the traces show where time went.
/// </summary>
public static class PipelineBenchmark
{
    public static async Task<int> RunAsync(int shoppers, TimeSpan window, TimeSpan drainLimit)
    {
        Console.WriteLine($"# pipeline — {Machine.Describe()}");
        var password = "bench" + Guid.NewGuid().ToString("N")[..12];
        await using var run = AppHostRun.Start(new Dictionary<string, string>
        {
            ["Gateway__RateLimit__PermitLimit"] = "1000000",
            // A known password lets the bench read ordering's database directly (the AppHost generates one otherwise).
            ["Parameters__postgres-password"] = password,
        });
        var startup = await run.WaitAllHealthyAsync(TimeSpan.FromMinutes(4));
        var postgres = new Uri(run.Endpoint("postgres"));
        var orderingDb = $"Host=127.0.0.1;Port={postgres.Port};Username=postgres;Password={password};Database=orderingdb";
        using var gateway = new HttpClient { BaseAddress = new Uri(run.Endpoint("gateway")), Timeout = TimeSpan.FromSeconds(30) };
        using var page = JsonDocument.Parse(await gateway.GetStringAsync("/api/catalog/items?pageSize=50"));
        var products = page.RootElement.GetProperty("data").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()).ToList();
        Console.WriteLine($"app healthy in {Machine.Ms(startup)}; {products.Count} products; {shoppers} shoppers for {window.TotalSeconds:0} s through {gateway.BaseAddress}");

        var prefix = $"bench-{Guid.NewGuid():N}"[..14] + "-";
        var load = new CheckoutLoad(gateway, products, prefix);
        var clock = Stopwatch.StartNew();
        await load.RunAsync(shoppers, window);
        var loadSeconds = clock.Elapsed.TotalSeconds;
        var atEnd = await OrderCounts.ReadAsync(orderingDb, prefix);

        var counts = atEnd;
        while (counts.Final < load.Accepted.Count && clock.Elapsed < window + drainLimit)
        {
            await Task.Delay(500);
            counts = await OrderCounts.ReadAsync(orderingDb, prefix);
        }

        var drainSeconds = clock.Elapsed.TotalSeconds - loadSeconds;
        Console.WriteLine($"accepted checkouts: {load.Accepted.Count} in {Machine.F(loadSeconds, "0.0")} s = {Machine.F(load.Accepted.Count / loadSeconds, "0.0")} checkouts/s; " +
            $"final when the load stopped: {atEnd.Final} ({Machine.F(atEnd.Final / loadSeconds, "0.0")} completions/s sustained)");
        Console.WriteLine($"refused: {(load.Refused.Count == 0 ? "none" : string.Join(", ", load.Refused.Select(kv => $"{kv.Key} ×{kv.Value}")))}");
        Console.WriteLine($"checkout response time (client, via gateway): p50 {Machine.Ms(Stats.Median(load.CheckoutMs))}, p99 {Machine.Ms(Stats.Percentile(load.CheckoutMs, 99))}");
        Console.WriteLine($"ordering DB: {counts.Total} orders, {counts.Paid} Paid + {counts.Cancelled} Cancelled = {counts.Final} final after a {Machine.F(drainSeconds, "0.0")} s drain");
        Console.WriteLine($"accepted == final: {load.Accepted.Count} == {counts.Final} -> {(load.Accepted.Count == counts.Final && counts.Total == counts.Final ? "NOTHING LOST" : "MISMATCH")}");
        Console.WriteLine($"time accepted -> final (DB created_at -> updated_at): p50 {Machine.Ms(counts.P50Ms)}, p99 {Machine.Ms(counts.P99Ms)}, max {Machine.Ms(counts.MaxMs)}");

        // Spans arrive within about a second (OTEL_BSP_SCHEDULE_DELAY=1000); wait a little so the last traces are complete.
        await Task.Delay(TimeSpan.FromSeconds(3));
        if (run.DashboardLoginUrl is { } login)
        {
            try
            {
                await HopBreakdown.PrintAsync(login, 200);
            }
            catch (HttpRequestException ex)
            {
                // Seen under this load: the dashboard stopped answering. Say so and keep the counts above.
                Console.WriteLine($"dashboard unreachable at {login}: {ex.Message}; dashboard process alive: {DashboardAlive(run)}");
                Console.WriteLine(string.Join('\n', run.Tail(400).Split('\n').Where(l => l.Contains("ashboard", StringComparison.Ordinal)).TakeLast(10)));
            }
        }
        else
        {
            Console.WriteLine("dashboard login URL not printed: no trace breakdown");
        }

        return load.Accepted.Count == counts.Final && counts.Total == counts.Final ? 0 : 1;
    }

    private static bool DashboardAlive(AppHostRun run) =>
        ProcessTable.Family(run.Pid, null).Any(p => ProcessTable.CommandLine(p.Pid).Contains("AspireMicro.Dashboard", StringComparison.Ordinal));
}
