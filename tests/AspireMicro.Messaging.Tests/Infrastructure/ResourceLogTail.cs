using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;

namespace AspireMicro.Messaging.Tests.Infrastructure;

/// <summary>
/// Keeps the last lines a resource wrote to its console, so that a failure to restart it can say why: the test logs
/// are quiet (WithQuietLogs) and CI shows only the failure message.
/// </summary>
internal sealed class ResourceLogTail : IAsyncDisposable
{
    private const int Capacity = 40;
    private readonly CancellationTokenSource _stop = new();
    private readonly Queue<string> _lines = new();
    private readonly Task _pump;

    public ResourceLogTail(DistributedApplication app, string resourceName)
    {
        var loggers = app.Services.GetRequiredService<ResourceLoggerService>();
        _pump = Task.Run(async () =>
        {
            try
            {
                // Logs are kept per DCP instance; a restart keeps the instance of a single-replica executable.
                var id = app.ResourceNotifications.TryGetCurrentState(resourceName, out var e) ? e.ResourceId : resourceName;
                await foreach (var batch in loggers.WatchAsync(id).WithCancellation(_stop.Token))
                {
                    lock (_lines)
                    {
                        foreach (var line in batch)
                        {
                            _lines.Enqueue(line.Content);
                            if (_lines.Count > Capacity)
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

    public string Text
    {
        get
        {
            lock (_lines)
            {
                return string.Join(Environment.NewLine, _lines);
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
