using System.Diagnostics;
using Aspire.Hosting;
using Aspire.Hosting.Testing;
using AspireMicro.EndToEnd.Tests.Infrastructure;

namespace AspireMicro.EndToEnd.Tests.Scenarios;

[Collection(SharedAppCollection.Name)]
public sealed class RedisPauseTests(AppFixture fixture, ITestOutputHelper output)
{
    private const int Reads = 60;
    // Bounded, not fast: without the timeout a read would wait for StackExchange.Redis' own 5 s; the margin over the
    // 250 ms timeout absorbs a loaded CI machine. Speed itself is measured in bench/, not asserted here.
    private static readonly TimeSpan P99Bound = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task Catalog_reads_with_Redis_paused_are_served_from_the_database_with_bounded_latency_and_the_cache_returns_after_resume()
    {
        var app = fixture.App;
        var ids = (await fixture.Shop.SearchAsync(pageSize: 10)).Select(p => p.Id).ToList();
        var warm = await ReadAsync(ids, 10);
        output.WriteLine($"before pause: {Describe(warm)}");

        await app.PauseResourceAsync("redis");
        List<Read> paused;
        try
        {
            paused = await ReadAsync(ids, Reads);
        }
        finally
        {
            await app.ResumeResourceAsync("redis");
        }

        output.WriteLine($"redis paused (SIGSTOP): {Describe(paused)}");
        Assert.All(paused, r => Assert.Equal(200, r.Status));
        Assert.All(paused, r => Assert.Equal("bypass", r.Cache));
        var p99 = Percentile(paused, 0.99);
        Assert.True(p99 <= P99Bound, $"p99 {p99.TotalMilliseconds:0} ms exceeds {P99Bound.TotalMilliseconds:0} ms");
        // With the breaker open, most reads never ask Redis at all; catalog says so in X-Cache-Bypass.
        var skipped = paused.Count(r => r.BypassReason == "CircuitOpen");
        output.WriteLine($"{skipped} of {paused.Count} reads skipped Redis entirely (breaker open); the rest timed out: {paused.Count(r => r.BypassReason == "Timeout")}");
        Assert.True(skipped > paused.Count / 2, "the circuit breaker did not open: most reads still waited for Redis");

        // BreakDuration is 2 s in this app: the breaker half-opens, Redis answers, reads go back to the cache.
        var recovered = await Eventually.GetAsync(
            () => ReadAsync(ids, ids.Count), reads => reads.All(r => r.Cache is "hit" or "miss"), TimeSpan.FromSeconds(30), "reads served through Redis again");
        output.WriteLine($"after resume: {Describe(recovered)}");
    }

    private async Task<List<Read>> ReadAsync(IReadOnlyList<int> ids, int count)
    {
        var reads = new List<Read>(count);
        for (var i = 0; i < count; i++)
        {
            var watch = Stopwatch.StartNew();
            using var response = await fixture.Gateway.GetAsync($"/api/catalog/items/{ids[i % ids.Count]}");
            reads.Add(new Read(
                (int)response.StatusCode,
                response.Headers.TryGetValues("X-Cache", out var cache) ? cache.First() : "",
                response.Headers.TryGetValues("X-Cache-Bypass", out var reason) ? reason.First() : "",
                watch.Elapsed));
        }

        return reads;
    }

    private static TimeSpan Percentile(List<Read> reads, double p) =>
        reads.Select(r => r.Elapsed).Order().ElementAt(Math.Min(reads.Count - 1, (int)Math.Ceiling(p * reads.Count) - 1));

    private static string Describe(List<Read> reads) =>
        $"{reads.Count} reads, {string.Join(", ", reads.GroupBy(r => r.Cache).Select(g => $"{g.Key} {g.Count()}"))}, " +
        $"p50 {Percentile(reads, 0.5).TotalMilliseconds:0} ms, p99 {Percentile(reads, 0.99).TotalMilliseconds:0} ms, max {reads.Max(r => r.Elapsed).TotalMilliseconds:0} ms";

    private sealed record Read(int Status, string Cache, string BypassReason, TimeSpan Elapsed);
}
