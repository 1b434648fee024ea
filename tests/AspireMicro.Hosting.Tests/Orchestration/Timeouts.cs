namespace AspireMicro.Hosting.Tests.Orchestration;

internal static class Timeouts
{
    /// <summary>Generous: two cores may be busy building or running other suites at the same time.</summary>
    public static CancellationToken Start => new CancellationTokenSource(TimeSpan.FromSeconds(90)).Token;
}
