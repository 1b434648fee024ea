using AspireMicro.Hosting.ApplicationModel;

namespace AspireMicro.Hosting.Orchestration;

public sealed partial class ApplicationOrchestrator
{
    private static readonly TimeSpan ProcessStopGrace = TimeSpan.FromSeconds(5);

    private async Task StopInstanceAsync(ResourceInstance instance, CancellationToken cancellationToken)
    {
        await instance.Gate.WaitAsync(cancellationToken);
        try
        {
            var process = instance.Process;
            if (process is null)
            {
                return;
            }

            instance.StopRequested = true;
            instance.MonitorCancellation?.Cancel();
            _notifications.Publish(instance.Name, s => s with { State = KnownResourceStates.Stopping });
            // A SIGSTOPped process would never act on SIGTERM; SIGCONT is harmless for a running one.
            process.Resume();
            if (instance.Resource is INativeServerResource server && instance.ServerContext is { } context)
            {
                await Recipe(server).StopGracefullyAsync(context, process, cancellationToken);
            }
            else
            {
                await process.StopAsync(ProcessStopGrace, cancellationToken);
            }

            await process.Completion.WaitAsync(TimeSpan.FromSeconds(20), cancellationToken);
            // OnExited runs as a continuation; publish here too so callers see Exited when this returns.
            OnExited(instance, process, process.Completion.Result);
        }
        finally
        {
            instance.Gate.Release();
        }
    }

    /// <summary>
    /// Stops everything: services first (in parallel), then the backing stores they use, then kills whatever is left,
    /// releases ports and deletes throwaway data. Safe to call more than once.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }

        await _lifetime.CancelAsync();
        try
        {
            await StopGroupAsync(_instances.Where(i => i.Resource is not INativeServerResource), cancellationToken);
            await StopGroupAsync(_instances.Where(i => i.Resource is INativeServerResource), cancellationToken);
        }
        finally
        {
            if (_host is not null)
            {
                await _host.DisposeAsync();
            }

            _ports?.Dispose();
            DeleteEphemeralData();
        }
    }

    private async Task StopGroupAsync(IEnumerable<ResourceInstance> instances, CancellationToken cancellationToken)
    {
        await Task.WhenAll(instances.Select(async instance =>
        {
            try
            {
                await StopInstanceAsync(instance, cancellationToken);
            }
            catch (Exception ex) when (ex is TimeoutException or InvalidOperationException or OperationCanceledException)
            {
                // The host disposal below kills it anyway; a slow stop must not keep the others running.
                instance.Process?.Kill();
            }
        }));
    }

    private void DeleteEphemeralData()
    {
        try
        {
            if (Directory.Exists(_ephemeralRoot))
            {
                Directory.Delete(_ephemeralRoot, recursive: true);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Leftovers in the temp folder are harmless and must not turn a clean stop into a failure.
        }
    }
}
