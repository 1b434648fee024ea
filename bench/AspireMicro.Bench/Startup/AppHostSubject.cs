using AspireMicro.Bench.Infrastructure;

namespace AspireMicro.Bench.Startup;

/// <summary>An AppHost to time: which dll, with which environment, and how it says "all healthy".</summary>
public sealed record AppHostSubject(string Name, string Dll, IReadOnlyDictionary<string, string> Environment, Func<IAllHealthySignal> NewSignal)
{
    private static readonly TimeSpan HealthyTimeout = TimeSpan.FromMinutes(4);

    /// <summary>Launch to all healthy, then stop with <paramref name="stopSignal"/> and account for every process.</summary>
    public async Task<AppHostRound> RunAsync(string stopSignal)
    {
        var signal = NewSignal();
        using var host = LaunchedHost.Start(Dll, Environment, signal.OnLine);
        var exited = host.WaitForExitAsync(CancellationToken.None);
        var finished = await Task.WhenAny(signal.AllHealthy, exited, Task.Delay(HealthyTimeout));
        HealthyMark? healthy = null;
        string? failure = null;
        if (finished == signal.AllHealthy)
        {
            healthy = await signal.AllHealthy;
        }
        else
        {
            failure = (finished == exited ? "exited before all healthy" : $"not all healthy after {HealthyTimeout.TotalMinutes:0} min")
                + "; last output:\n" + host.Tail(30);
        }

        var stop = await StopMeasurement.StopAsync(host, stopSignal);
        return new AppHostRound(Name, healthy, failure, stop);
    }
}
