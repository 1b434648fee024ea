using System.Diagnostics;
using System.Text.Json;
using AspireMicro.Bench.Infrastructure;

namespace AspireMicro.Bench.Dashboard;

/// <summary>
/// Benchmark 4: OTLP/gRPC ingestion of spans and logs into a dashboard of its own, its resident memory holding
/// 100,000 spans, and how fast the trace list and one 500-span trace open in a real browser.
/// </summary>
public static class DashboardBenchmark
{
    private const int SpansPerBatch = 500;
    private const int Senders = 4;
    private const double BrowserTargetMs = 200;

    public static async Task<int> RunAsync(int totalSpans, int totalLogs, int browserRounds)
    {
        Console.WriteLine($"# dashboard — {Machine.Describe()}");
        await using var dashboard = await DashboardProcess.StartAsync();
        using var api = await dashboard.LoginAsync();
        using var load = new OtlpLoad(dashboard.GrpcUrl, dashboard.ApiKey);
        var rssEmpty = ProcessTable.ResidentBytes(dashboard.Pid);

        // Warm-up batch (JIT on both sides), then the measured load: 10 traces × 50 spans per 500-span batch.
        await load.SendSpansAsync([OtlpPayloads.Spans("warmup", 1, 10)], 1);
        var batches = Enumerable.Range(0, totalSpans / SpansPerBatch).Select(i => OtlpPayloads.Spans($"load-{i % Senders}", 10, 50)).ToList();
        var spanSeconds = await load.SendSpansAsync(batches, Senders);
        var big = OtlpPayloads.Spans("checkout-big", 1, 500);
        await load.SendSpansAsync([big], 1);
        var bigTraceId = Convert.ToHexStringLower(big.ResourceSpans[0].ScopeSpans[0].Spans[0].TraceId.ToByteArray());
        Console.WriteLine($"spans: {batches.Count * SpansPerBatch} in {Machine.F(spanSeconds, "0.0")} s = {Machine.F(batches.Count * SpansPerBatch / spanSeconds, "0")} spans/s accepted ({Senders} gRPC senders, {SpansPerBatch} spans/request)");

        var logBatches = Enumerable.Range(0, totalLogs / SpansPerBatch).Select(i => OtlpPayloads.Logs($"load-{i % Senders}", SpansPerBatch)).ToList();
        var logSeconds = await load.SendLogsAsync(logBatches, Senders);
        Console.WriteLine($"logs: {logBatches.Count * SpansPerBatch} in {Machine.F(logSeconds, "0.0")} s = {Machine.F(logBatches.Count * SpansPerBatch / logSeconds, "0")} records/s accepted");

        using var summary = JsonDocument.Parse(await api.GetStringAsync("/api/telemetry/summary"));
        var stored = summary.RootElement.GetProperty("spans").GetInt32();
        var rss = ProcessTable.ResidentBytes(dashboard.Pid);
        Console.WriteLine($"stored: {stored} spans, {summary.RootElement.GetProperty("traces").GetInt32()} traces, {summary.RootElement.GetProperty("logs").GetInt32()} logs; " +
            $"RSS {rss / 1048576} MiB (empty: {rssEmpty / 1048576} MiB)");

        // Server side alone, for comparison with the browser figures.
        var apiList = await Time(() => api.GetStringAsync("/api/telemetry/traces?take=50"));
        var apiTrace = await Time(() => api.GetStringAsync($"/api/telemetry/traces/{bigTraceId}"));
        Console.WriteLine($"API alone: trace list {Machine.Ms(apiList)}, 500-span trace {Machine.Ms(apiTrace)}");

        await using var browser = await BrowserTimings.OpenAsync(dashboard.UiUrl, dashboard.BrowserToken);
        var listMs = new List<double>();
        var traceMs = new List<double>();
        for (var i = 0; i < browserRounds; i++)
        {
            listMs.Add(await browser.OpenTraceListAsync(dashboard.UiUrl));
            var listBreakdown = await browser.BreakdownAsync();
            traceMs.Add(await browser.OpenTraceAsync(dashboard.UiUrl, bigTraceId, 500));
            Console.WriteLine($"  round {i + 1} page clock (ms since navigation): list [{listBreakdown}]; trace [{await browser.BreakdownAsync()}]");
        }

        Console.WriteLine($"browser, trace list: {string.Join(", ", listMs.Select(Machine.Ms))}; median {Machine.Ms(Stats.Median(listMs))} (target ≤ {BrowserTargetMs} ms) -> {Verdict(Stats.Median(listMs))}");
        Console.WriteLine($"browser, 500-span trace: {string.Join(", ", traceMs.Select(Machine.Ms))}; median {Machine.Ms(Stats.Median(traceMs))} (target ≤ {BrowserTargetMs} ms) -> {Verdict(Stats.Median(traceMs))}");
        Console.WriteLine($"RSS after browsing: {ProcessTable.ResidentBytes(dashboard.Pid) / 1048576} MiB; load {Machine.LoadAverage()}");
        return 0;
    }

    private static string Verdict(double ms) => ms <= BrowserTargetMs ? "MET" : $"MISSED by {Machine.Ms(ms - BrowserTargetMs)}";

    private static async Task<double> Time(Func<Task<string>> call)
    {
        var clock = Stopwatch.StartNew();
        await call();
        return clock.Elapsed.TotalMilliseconds;
    }
}
