namespace AspireMicro.Hosting.Processes;

/// <summary>A started child. Signals go to the child's whole process group, so its own children are reached too.</summary>
public interface IChildProcess : IAsyncDisposable
{
    int Pid { get; }

    /// <summary>Completes with the exit code (128 + signal number when killed by a signal).</summary>
    Task<int> Completion { get; }

    /// <summary>SIGTERM to the group, then SIGKILL once <paramref name="gracePeriod"/> has passed.</summary>
    Task StopAsync(TimeSpan gracePeriod, CancellationToken ct);

    /// <summary>SIGKILL to the group.</summary>
    void Kill();

    /// <summary>SIGSTOP to the group.</summary>
    void Pause();

    /// <summary>SIGCONT to the group.</summary>
    void Resume();
}
