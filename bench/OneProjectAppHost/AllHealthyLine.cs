using System.Diagnostics;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace OneProjectAppHost;

/// <summary>
/// The same console line as AppHost/StartupReport.cs, by the same rule (every visible resource Running and Healthy
/// in ResourceNotificationService), so the bench times this baseline exactly as it times the full AppHost.
/// </summary>
internal sealed partial class AllHealthyLine(
    DistributedApplicationModel model,
    ResourceNotificationService notifications,
    ILogger<AllHealthyLine> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var expected = model.Resources.Where(r => r is not ParameterResource).Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
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
                if (expected.Where(name => !hidden.Contains(name)).All(name => healthy.Values.Any(h => h.Name == name && h.Healthy)))
                {
                    var count = healthy.Values.Count(h => !hidden.Contains(h.Name));
                    LogAllHealthy(logger, count, (DateTime.Now - Process.GetCurrentProcess().StartTime).TotalSeconds);
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopped before everything was healthy: nothing to report.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "All {Count} resources are healthy, {Seconds:0.0} s after the AppHost started.")]
    private static partial void LogAllHealthy(ILogger logger, int count, double seconds);
}
