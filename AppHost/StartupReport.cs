using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Aspire.Hosting;

/// <summary>
/// Writes one line to the AppHost's console once every resource (each replica) is Running and Healthy, with the
/// time since the AppHost started (<see cref="AppHostClock"/>): what F5 costs, visible without opening the
/// dashboard, and the mark the start-up benchmark reads. It follows <see cref="ResourceNotificationService"/>; nothing is polled.
/// </summary>
internal sealed partial class StartupReport(
    DistributedApplicationModel model,
    DistributedApplicationExecutionContext executionContext,
    ResourceNotificationService notifications,
    ILogger<StartupReport> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!executionContext.IsRunMode)
        {
            return;
        }

        var expected = model.Resources.Where(r => r is not ParameterResource)
            .ToDictionary(r => r.Name, r => r.TryGetLastAnnotation<ReplicaAnnotation>(out var replicas) ? replicas.Replicas : 1);
        var hidden = new HashSet<string>(StringComparer.Ordinal);
        var healthy = new Dictionary<string, (string Name, bool Healthy)>(StringComparer.Ordinal);
        try
        {
            await foreach (var change in notifications.WatchAsync(stoppingToken))
            {
                if (change.Snapshot.IsHidden)
                {
                    hidden.Add(change.Resource.Name);
                }

                healthy[change.ResourceId] = (change.Resource.Name,
                    change.Snapshot.State?.Text == KnownResourceStates.Running && change.Snapshot.HealthStatus == HealthStatus.Healthy);
                var waiting = expected.Where(e => !hidden.Contains(e.Key))
                    .Count(e => healthy.Values.Count(h => h.Name == e.Key && h.Healthy) < e.Value);
                if (waiting == 0)
                {
                    var count = healthy.Values.Count(h => !hidden.Contains(h.Name));
                    LogAllHealthy(logger, count, AppHostClock.Elapsed.TotalSeconds);
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopped before everything was healthy: there is nothing to report.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "All {Count} resources are healthy, {Seconds:0.0} s after the AppHost started.")]
    private static partial void LogAllHealthy(ILogger logger, int count, double seconds);
}
