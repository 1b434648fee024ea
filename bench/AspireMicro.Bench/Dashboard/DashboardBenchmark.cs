using System.Diagnostics;
using System.Text.Json;
using AspireMicro.Bench.Infrastructure;

namespace AspireMicro.Bench.Dashboard;

/// <summary>
/// Benchmark 4: OTLP/gRPC ingestion of spans and logs into a dashboard of its own, its resident memory holding
/// 100,000 spans, and how fast the trace list and one 500-span trace open in a real browser.
/// With BENCH_DASHBOARD_BASELINE_DLL (e.g. a copy of an earlier build) a second dashboard gets the same load and
/// the browser alternates between the two every round, so before/after share the machine's load.
/// </summary>
public static class DashboardBenchmark
{
    private const int SpansPerBatch = 500;
    private const int Senders = 4;
    private const double BrowserTargetMs = 200;

    public static async Task<int> RunAsync(int totalSpans, int totalLogs, int browserRounds)
    {
        Console.WriteLine($"# dashboard — {Machine.Describe()}");
        var targets = new List<DashboardTarget>();
        try
        {
            if (Environment.GetEnvironmentVariable("BENCH_DASHBOARD_BASELINE_DLL") is { Length: > 0 } baseline)
            {
                targets.Add(await PrepareAsync("baseline", baseline, totalSpans, totalLogs));
            }

            targets.Add(await PrepareAsync("current", RepoPaths.DashboardDll, totalSpans, totalLogs));
            await using var browser = await BrowserTimings.OpenAsync();
            foreach (var target in targets)
            {
                await browser.LoginAsync(target.Process.UiUrl, target.Process.BrowserToken);
            }

            for (var i = 0; i < browserRounds; i++)
            {
                foreach (var target in targets)
                {
                    var ui = target.Process.UiUrl;
                    target.ListMs.Add(await browser.OpenTraceListAsync(ui));
                    target.ListDomMs.Add(await browser.RowsInDomAsync(ui));
                    var listBreakdown = await browser.BreakdownAsync(ui);
                    target.TraceMs.Add(await browser.OpenTraceAsync(ui, target.BigTraceId, 500));
                    target.TraceDomMs.Add(await browser.RowsInDomAsync(ui));
                    Console.WriteLine($"  round {i + 1} {target.Label} page clock (ms since navigation): list [{listBreakdown}]; trace [{await browser.BreakdownAsync(ui)}]");
                }
            }

            foreach (var target in targets)
            {
                Console.WriteLine($"browser, {target.Label}, trace list: {string.Join(", ", target.ListMs.Select(Machine.Ms))}; median {Machine.Ms(Stats.Median(target.ListMs))} (target ≤ {BrowserTargetMs} ms) -> {Verdict(Stats.Median(target.ListMs))}");
                Console.WriteLine($"browser, {target.Label}, 500-span trace: {string.Join(", ", target.TraceMs.Select(Machine.Ms))}; median {Machine.Ms(Stats.Median(target.TraceMs))} (target ≤ {BrowserTargetMs} ms) -> {Verdict(Stats.Median(target.TraceMs))}");
                Console.WriteLine($"page clock, {target.Label}, rows in the DOM: trace list median {Machine.Ms(Stats.Median(target.ListDomMs))} -> {Verdict(Stats.Median(target.ListDomMs))}; " +
                    $"500-span trace median {Machine.Ms(Stats.Median(target.TraceDomMs))} -> {Verdict(Stats.Median(target.TraceDomMs))}");
                Console.WriteLine($"RSS after browsing, {target.Label}: {ProcessTable.ResidentBytes(target.Process.Pid) / 1048576} MiB; load {Machine.LoadAverage()}");
            }
        }
        finally
        {
            foreach (var target in targets)
            {
                await target.DisposeAsync();
            }
        }

        return 0;
    }

    private static async Task<DashboardTarget> PrepareAsync(string label, string dll, int totalSpans, int totalLogs)
    {
        Console.WriteLine($"{label}: {dll}");
        var dashboard = await DashboardProcess.StartAsync(dll);
        var api = await dashboard.LoginAsync();
        using var load = new OtlpLoad(dashboard.GrpcUrl, dashboard.ApiKey);
        var rssEmpty = ProcessTable.ResidentBytes(dashboard.Pid);

        // Warm-up batch (JIT on both sides), then the measured load: 10 traces × 50 spans per 500-span batch.
        await load.SendSpansAsync([OtlpPayloads.Spans("warmup", 1, 10)], 1);
        var batches = Enumerable.Range(0, totalSpans / SpansPerBatch).Select(i => OtlpPayloads.Spans($"load-{i % Senders}", 10, 50)).ToList();
        var spanSeconds = await load.SendSpansAsync(batches, Senders);
        var big = OtlpPayloads.Spans("checkout-big", 1, 500);
        await load.SendSpansAsync([big], 1);
        var bigTraceId = Convert.ToHexStringLower(big.ResourceSpans[0].ScopeSpans[0].Spans[0].TraceId.ToByteArray());
        Console.WriteLine($"{label} spans: {batches.Count * SpansPerBatch} in {Machine.F(spanSeconds, "0.0")} s = {Machine.F(batches.Count * SpansPerBatch / spanSeconds, "0")} spans/s accepted ({Senders} gRPC senders, {SpansPerBatch} spans/request)");

        var logBatches = Enumerable.Range(0, totalLogs / SpansPerBatch).Select(i => OtlpPayloads.Logs($"load-{i % Senders}", SpansPerBatch)).ToList();
        var logSeconds = await load.SendLogsAsync(logBatches, Senders);
        Console.WriteLine($"{label} logs: {logBatches.Count * SpansPerBatch} in {Machine.F(logSeconds, "0.0")} s = {Machine.F(logBatches.Count * SpansPerBatch / logSeconds, "0")} records/s accepted");

        using var summary = JsonDocument.Parse(await api.GetStringAsync("/api/telemetry/summary"));
        var stored = summary.RootElement.GetProperty("spans").GetInt32();
        var rss = ProcessTable.ResidentBytes(dashboard.Pid);
        Console.WriteLine($"{label} stored: {stored} spans, {summary.RootElement.GetProperty("traces").GetInt32()} traces, {summary.RootElement.GetProperty("logs").GetInt32()} logs; " +
            $"RSS {rss / 1048576} MiB (empty: {rssEmpty / 1048576} MiB)");

        // Server side alone, for comparison with the browser figures.
        var apiList = await Time(() => api.GetStringAsync("/api/telemetry/traces?take=50"));
        var apiTrace = await Time(() => api.GetStringAsync($"/api/telemetry/traces/{bigTraceId}"));
        Console.WriteLine($"{label} API alone: trace list {Machine.Ms(apiList)}, 500-span trace {Machine.Ms(apiTrace)}");
        return new DashboardTarget(label, dashboard, api, bigTraceId);
    }

    private static string Verdict(double ms) => ms <= BrowserTargetMs ? "MET" : $"MISSED by {Machine.Ms(ms - BrowserTargetMs)}";

    private static async Task<double> Time(Func<Task<string>> call)
    {
        var clock = Stopwatch.StartNew();
        await call();
        return clock.Elapsed.TotalMilliseconds;
    }
}
