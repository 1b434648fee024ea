namespace AspireMicro.EndToEnd.Tests.Telemetry;

/// <summary>Waits for the services' exporters to catch up with what just happened, on their own schedule.</summary>
public static class OtlpFlush
{
    /// <summary>
    /// Every service that exports metrics has done so twice since now. Aspire sets the metric interval and the log
    /// and span batch delays to the same 1 s in development, so by then the batches holding "now" have been sent.
    /// </summary>
    public static async Task WaitAsync(ReceivedTelemetry telemetry, TimeSpan timeout)
    {
        var mark = DateTimeOffset.UtcNow;
        var services = telemetry.MetricExports.Select(e => e.Service).ToHashSet();
        using var cts = new CancellationTokenSource(timeout);
        while (!services.All(s => telemetry.MetricExports.Count(e => e.Service == s && e.ReceivedAt > mark) >= 2))
        {
            await Task.Delay(100, cts.Token);
        }
    }
}
