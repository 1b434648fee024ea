namespace AspireMicro.Bench.Startup;

/// <summary>Reads an AppHost's output and completes once that AppHost says every resource is healthy.</summary>
public interface IAllHealthySignal
{
    Task<HealthyMark> AllHealthy { get; }

    void OnLine(string line, double elapsedMs);
}
