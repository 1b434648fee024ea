using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AspireMicro.EventBus.Connection;

/// <summary>Readiness: the service can reach its broker (connecting if it is not connected yet).</summary>
internal sealed class RabbitMqHealthCheck(RabbitMqConnectionProvider provider) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(
        HealthCheckContext context,
        CancellationToken cancellationToken = default)
    {
        if (provider.IsConnected)
        {
            return HealthCheckResult.Healthy();
        }

        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(3));
            await provider.GetConnectionAsync(timeout.Token);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex)
        {
            return HealthCheckResult.Unhealthy("RabbitMQ is unreachable", ex);
        }
    }
}
