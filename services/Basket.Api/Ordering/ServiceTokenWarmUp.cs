namespace Basket.Api.Ordering;

/// <summary>
/// Gets basket's client-credentials token once the service has started, so the first checkout does not fetch it
/// inside its time budget for ordering (a cold first checkout timed out there). Retries until identity answers.
/// </summary>
public sealed partial class ServiceTokenWarmUp(ServiceTokenClient tokens, ILogger<ServiceTokenWarmUp> logger) : BackgroundService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        for (var attempt = 1; !stoppingToken.IsCancellationRequested; attempt++)
        {
            try
            {
                await tokens.WarmUpAsync(stoppingToken);
                LogReady(attempt);
                return;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogNotYet(attempt, ex.Message);
                await Task.Delay(RetryDelay, stoppingToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Service token for ordering obtained (attempt {Attempt})")]
    private partial void LogReady(int attempt);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Service token not obtainable yet (attempt {Attempt}): {Reason}")]
    private partial void LogNotYet(int attempt, string reason);
}
