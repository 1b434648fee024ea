namespace AspireMicro.Bench.Dashboard;

/// <summary>One dashboard build under test, filled with the benchmark's telemetry, and what the browser opens in it.</summary>
public sealed record DashboardTarget(string Label, DashboardProcess Process, HttpClient Api, string BigTraceId) : IAsyncDisposable
{
    public List<double> ListMs { get; } = [];

    public List<double> TraceMs { get; } = [];

    /// <summary>The same two, on the page's clock: navigation start to the rows in the DOM.</summary>
    public List<double> ListDomMs { get; } = [];

    public List<double> TraceDomMs { get; } = [];

    public async ValueTask DisposeAsync()
    {
        Api.Dispose();
        await Process.DisposeAsync();
    }
}
