using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Basket.Api.Storage;

/// <summary>Basket is useless without Redis, so readiness follows a Redis PING.</summary>
public sealed class RedisHealthCheck(RedisConnection redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var db = await redis.GetDatabaseAsync().WaitAsync(TimeSpan.FromSeconds(2), cancellationToken);
            var latency = await db.PingAsync().WaitAsync(TimeSpan.FromSeconds(2), cancellationToken);
            return HealthCheckResult.Healthy($"PING {latency.TotalMilliseconds:F1} ms");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("Redis did not answer PING", ex);
        }
    }
}
