using AspireMicro.EventBus.Connection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace AspireMicro.EventBus.Consuming;

/// <summary>
/// The one consume loop of the code base (service queues and the analytics stream alike): open a channel
/// on the shared connection, let the subclass declare and start consuming, wait until the channel or the
/// connection goes away (broker restart), back off, and do it all again until the host stops.
/// </summary>
public abstract class ResilientChannelConsumer(
    RabbitMqConnectionProvider connections,
    ILogger logger) : BackgroundService
{
    /// <summary>What is consumed, for the logs (a queue or stream name).</summary>
    protected abstract string Source { get; }

    /// <summary>Upper bound of the back-off between reconnect attempts.</summary>
    protected virtual TimeSpan MaxReconnectDelay => TimeSpan.FromSeconds(5);

    protected virtual CreateChannelOptions ChannelOptions => new(
        publisherConfirmationsEnabled: false, publisherConfirmationTrackingEnabled: false);

    /// <summary>Declares what it needs on the fresh channel and calls <c>BasicConsumeAsync</c>.</summary>
    protected abstract Task StartConsumingAsync(IChannel channel, CancellationToken stoppingToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            IChannel? channel = null;
            IConnection? connection = null;
            var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            AsyncEventHandler<ShutdownEventArgs> onShutdown = (_, _) => Complete(closed);
            try
            {
                connection = await connections.GetConnectionAsync(stoppingToken);
                // The connection outlives this channel: unsubscribe below, or every reconnect leaks a handler.
                connection.ConnectionShutdownAsync += onShutdown;
                channel = await connection.CreateChannelAsync(ChannelOptions, stoppingToken);
                channel.ChannelShutdownAsync += onShutdown;

                await StartConsumingAsync(channel, stoppingToken);
                logger.LogInformation("Consuming {Source}", Source);
                failures = 0;

                await closed.Task.WaitAsync(stoppingToken);
                logger.LogWarning("Lost the channel on {Source}; reconnecting", Source);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                failures++;
                logger.LogWarning(ex, "Could not consume {Source} (attempt {Attempt})", Source, failures);
            }
            finally
            {
                if (connection is not null)
                {
                    connection.ConnectionShutdownAsync -= onShutdown;
                }

                await DisposeQuietlyAsync(channel);
            }

            try
            {
                await Task.Delay(Backoff.For(failures, MaxReconnectDelay), stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    private static Task Complete(TaskCompletionSource closed)
    {
        closed.TrySetResult();
        return Task.CompletedTask;
    }

    private async Task DisposeQuietlyAsync(IChannel? channel)
    {
        if (channel is null)
        {
            return;
        }

        try
        {
            await channel.DisposeAsync();
        }
        catch (Exception ex)
        {
            logger.LogDebug(ex, "Ignoring error while disposing the channel on {Source}", Source);
        }
    }
}
