using AspireMicro.Hosting.ApplicationModel;
using AspireMicro.Hosting.Processes;

namespace AspireMicro.Hosting.Orchestration;

/// <summary>
/// Start-up priority: while the backing stores boot, services (projects and executables) start at a lower priority (see
/// <see cref="DistributedApplicationOptions.ServiceStartupNiceness"/>) so their JIT does not slow the stores down.
/// Once every store is healthy (or has failed) services run at normal priority, and later starts are not lowered.
/// </summary>
public sealed partial class ApplicationOrchestrator
{
    private volatile bool _backingStoresUp;

    private int? StartupNiceness => ProcessPriority.CanRestore && !_backingStoresUp ? _options.ServiceStartupNiceness : null;

    private void RestorePriorityWhenBackingStoresUp()
    {
        if (StartupNiceness is null)
        {
            return;
        }

        var stores = _instances.Where(i => i.Resource is INativeServerResource).Select(i => i.Name).ToList();
        _startTasks.Add(Task.Run(async () =>
        {
            try
            {
                await Task.WhenAll(stores.Select(s => _notifications.WaitForResourceHealthyAsync(s, _lifetime.Token)));
            }
            catch (Exception ex) when (ex is OperationCanceledException or DistributedApplicationException)
            {
                // A store that failed (or a stop) ends the reason to hold services back as well.
            }

            _backingStoresUp = true;
            Interlocked.MemoryBarrier(); // pairs with the one in RestorePriorityIfStoresCameUpMeanwhile
            foreach (var instance in _instances)
            {
                RestoreNormalPriority(instance);
            }
        }, CancellationToken.None));
    }

    /// <summary>A service launched while the stores turned healthy may have missed the restore pass above.</summary>
    private void RestorePriorityIfStoresCameUpMeanwhile(ResourceInstance instance)
    {
        Interlocked.MemoryBarrier();
        if (_backingStoresUp)
        {
            RestoreNormalPriority(instance);
        }
    }

    /// <summary>Back to the AppHost's own priority; a no-op for processes that were not started lowered.</summary>
    private void RestoreNormalPriority(ResourceInstance instance)
    {
        if (instance.Resource is ProjectResource or ExecutableResource && ProcessPriority.CanRestore && _options.ServiceStartupNiceness is not null && instance.Process is { } process)
        {
            ProcessPriority.Set(process.Pid, ProcessPriority.OfCurrentProcess());
        }
    }
}
