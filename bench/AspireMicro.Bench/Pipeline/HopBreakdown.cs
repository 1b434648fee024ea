using System.Net;
using System.Text.Json;
using AspireMicro.Bench.Infrastructure;

namespace AspireMicro.Bench.Pipeline;

/// <summary>Where the time goes: span durations per service and operation over checkout traces, from the dashboard's API.</summary>
public static class HopBreakdown
{
    public static async Task PrintAsync(string loginUrl, int traces)
    {
        var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
        using var client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };
        using (await client.GetAsync(loginUrl))
        {
        }

        var baseUrl = new Uri(loginUrl).GetLeftPart(UriPartial.Authority);
        using var summary = JsonDocument.Parse(await client.GetStringAsync($"{baseUrl}/api/telemetry/summary"));
        Console.WriteLine($"dashboard holds: {summary.RootElement}");
        // Search matches any span name. Checkout traces first; when the store has already evicted their HTTP spans (it
        // keeps the newest 100,000 spans and the drain adds many), fall back to the event side, which runs later.
        var candidates = new List<(string Id, double Ms, int Spans)>();
        foreach (var term in (string[])["checkout", "OrderSubmitted"])
        {
            using var list = JsonDocument.Parse(await client.GetStringAsync($"{baseUrl}/api/telemetry/traces?search={term}&take={traces}"));
            candidates = [.. list.RootElement.GetProperty("items").EnumerateArray()
                .Select(t => (Id: t.GetProperty("traceId").GetString()!, Ms: t.GetProperty("durationMs").GetDouble(), Spans: t.GetProperty("spanCount").GetInt32()))];
            Console.WriteLine($"traces with a span named like '{term}': {list.RootElement.GetProperty("total").GetInt32()}");
            if (candidates.Count >= Math.Min(20, traces))
            {
                break;
            }
        }

        var ids = new List<(string Id, double Ms, int Spans)>();
        var details = new List<JsonDocument>();
        foreach (var candidate in candidates)
        {
            var detail = JsonDocument.Parse(await client.GetStringAsync($"{baseUrl}/api/telemetry/traces/{candidate.Id}"));
            ids.Add(candidate);
            details.Add(detail);
        }

        if (ids.Count == 0)
        {
            Console.WriteLine("no pipeline traces found in the dashboard");
            return;
        }

        var durations = new Dictionary<string, List<double>>();
        var offsets = new Dictionary<string, List<double>>();
        foreach (var detail in details)
        {
            var spans = detail.RootElement.GetProperty("spans").EnumerateArray().ToList();
            var traceStart = spans.Min(s => s.GetProperty("startTimeUnixNano").GetInt64());
            foreach (var span in spans)
            {
                var key = $"{span.GetProperty("service").GetString()} | {span.GetProperty("name").GetString()}";
                var start = span.GetProperty("startTimeUnixNano").GetInt64();
                var ms = (span.GetProperty("endTimeUnixNano").GetInt64() - start) / 1e6;
                Add(durations, key, ms);
                Add(offsets, key, (start - traceStart) / 1e6);
            }

            detail.Dispose();
        }

        Console.WriteLine($"traces analysed: {ids.Count}; trace duration p50 {Machine.Ms(Stats.Median(ids.Select(i => i.Ms)))}, p99 {Machine.Ms(Stats.Percentile(ids.Select(i => i.Ms), 99))}; spans per trace p50 {Stats.Median(ids.Select(i => (double)i.Spans))}");
        Console.WriteLine($"  {"service | span",-70} {"count",6} {"starts at p50",14} {"dur p50",9} {"dur p99",9}");
        foreach (var (key, values) in durations.OrderBy(kv => Stats.Median(offsets[kv.Key])).Take(40))
        {
            Console.WriteLine($"  {Truncate(key, 70),-70} {values.Count,6} {Machine.Ms(Stats.Median(offsets[key])),14} {Machine.Ms(Stats.Median(values)),9} {Machine.Ms(Stats.Percentile(values, 99)),9}");
        }
    }

    private static void Add(Dictionary<string, List<double>> map, string key, double value)
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }

        list.Add(value);
    }

    private static string Truncate(string s, int n) => s.Length <= n ? s : s[..(n - 1)] + "…";
}
