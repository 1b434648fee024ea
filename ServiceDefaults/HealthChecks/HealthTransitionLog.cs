using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Logs the service's readiness when it changes, one line per change, instead of the health check service's error
/// with a stack trace on every probe. While RabbitMQ boots, the services that do not wait for it answer their first
/// probes Unhealthy: as errors that painted the dashboard red at every start, for a state it already shows in its
/// health column. A dependency lost later is a warning: the service degrades and its health says so.
/// </summary>
public sealed partial class HealthTransitionLog(ILogger<HealthTransitionLog> logger)
{
    private readonly Lock _gate = new();
    private HealthStatus? _last;

    public void Observe(HealthReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        HealthStatus? previous;
        lock (_gate)
        {
            previous = _last;
            if (previous == report.Status)
            {
                return;
            }

            _last = report.Status;
        }

        if (report.Status == HealthStatus.Healthy)
        {
            LogHealthy(previous?.ToString() ?? "starting");
            return;
        }

        var failing = string.Join("; ", report.Entries
            .Where(e => e.Value.Status != HealthStatus.Healthy)
            .Select(e => $"{e.Key}: {e.Value.Description ?? e.Value.Exception?.Message ?? e.Value.Status.ToString()}"));
        LogNotHealthy(report.Status, previous?.ToString() ?? "starting", failing);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Healthy (was {Previous})")]
    private partial void LogHealthy(string previous);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Status} (was {Previous}): {Failing}")]
    private partial void LogNotHealthy(HealthStatus status, string previous, string failing);
}
