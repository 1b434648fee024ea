using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;

namespace AspireMicro.Testing;

/// <summary>
/// Collects a resource's console output (backlog first) from Aspire's ResourceLoggerService until disposed, keeping
/// all lines or, with a capacity, the last ones. Test logs are quiet (WithQuietLogs): tests that need a resource's
/// output read it here. Linked into each test project that needs it.
/// </summary>
internal sealed class ResourceLogCollector : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Queue<string> _lines = new();
    private readonly int? _capacity;
    private readonly Task _pump;

    public ResourceLogCollector(DistributedApplication app, string resourceName, int? capacity = null)
    {
        _capacity = capacity;
        var loggers = app.Services.GetRequiredService<ResourceLoggerService>();
        // Logs are kept per DCP instance id; a stop and start keeps the instance of a single-replica executable.
        var id = app.ResourceNotifications.TryGetCurrentState(resourceName, out var e) ? e.ResourceId : resourceName;
        _pump = Task.Run(async () =>
        {
            try
            {
                await foreach (var batch in loggers.WatchAsync(id).WithCancellation(_stop.Token))
                {
                    lock (_lines)
                    {
                        foreach (var line in batch)
                        {
                            _lines.Enqueue(line.Content);
                            if (_lines.Count > _capacity)
                            {
                                _lines.Dequeue();
                            }
                        }
                    }
                }
            }
            catch (OperationCanceledException)
            {
            }
        });
    }

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lines)
            {
                return [.. _lines];
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _pump;
        _stop.Dispose();
    }
}
