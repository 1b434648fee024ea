namespace AspireMicro.Dashboard.Telemetry.Storage;

/// <summary>A version counter that live pages can await instead of polling.</summary>
public sealed class ChangeNotifier
{
    private readonly Lock _gate = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _version;

    public long Version => Interlocked.Read(ref _version);

    public void Notify()
    {
        TaskCompletionSource previous;
        lock (_gate)
        {
            _version++;
            previous = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        previous.TrySetResult();
    }

    /// <summary>Completes once the version differs from <paramref name="knownVersion"/>.</summary>
    public async Task WaitForChangeAsync(long knownVersion, CancellationToken cancellationToken)
    {
        Task waiter;
        lock (_gate)
        {
            if (_version != knownVersion)
            {
                return;
            }

            waiter = _changed.Task;
        }

        await waiter.WaitAsync(cancellationToken);
    }
}
