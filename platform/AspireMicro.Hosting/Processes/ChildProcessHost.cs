namespace AspireMicro.Hosting.Processes;

/// <summary>One per AppHost. Starts every child; disposing it kills every child and their process trees.</summary>
public sealed class ChildProcessHost : IAsyncDisposable
{
    public Task<IChildProcess> StartAsync(ProcessSpec spec, Action<LogLine> onLog, CancellationToken ct) =>
        throw new NotImplementedException("H2: being implemented");

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
