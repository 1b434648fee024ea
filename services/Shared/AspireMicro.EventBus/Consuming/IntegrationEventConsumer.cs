using AspireMicro.EventBus.Configuration;
using AspireMicro.EventBus.Connection;
using AspireMicro.EventBus.Topology;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace AspireMicro.EventBus.Consuming;

/// <summary>
/// Consumes the service's <c>{service}.events</c> queue. It owns a reconnect loop: when the channel or
/// the connection goes away (broker restart), it waits, reconnects, re-declares and consumes again.
/// </summary>
public sealed class IntegrationEventConsumer<TDbContext>(
    RabbitMqConnectionProvider connections,
    DeliveryProcessor<TDbContext> processor,
    IOptions<EventHandlerRegistry> registry,
    IOptions<EventBusOptions> options,
    ILogger<IntegrationEventConsumer<TDbContext>> logger) : BackgroundService
    where TDbContext : DbContext
{
    private readonly EventBusOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            IChannel? channel = null;
            try
            {
                var connection = await connections.GetConnectionAsync(stoppingToken);
                channel = await connection.CreateChannelAsync(
                    new CreateChannelOptions(publisherConfirmationsEnabled: true,
                        publisherConfirmationTrackingEnabled: true),
                    stoppingToken);

                var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                channel.ChannelShutdownAsync += (_, _) =>
                {
                    closed.TrySetResult();
                    return Task.CompletedTask;
                };
                connection.ConnectionShutdownAsync += (_, _) =>
                {
                    closed.TrySetResult();
                    return Task.CompletedTask;
                };

                var queue = EventBusTopology.QueueFor(_options.ServiceName);
                await EventBusTopology.DeclareConsumerTopologyAsync(
                    channel, _options.ServiceName, registry.Value.EventTypeNames, stoppingToken);
                await channel.BasicQosAsync(0, _options.PrefetchCount, global: false, stoppingToken);

                var consumer = new AsyncEventingBasicConsumer(channel);
                var consumingChannel = channel;
                consumer.ReceivedAsync += (_, delivery) => ProcessSafelyAsync(consumingChannel, delivery, stoppingToken);
                await channel.BasicConsumeAsync(queue, autoAck: false, consumer, stoppingToken);
                logger.LogInformation("Consuming {Queue}", queue);
                failures = 0;

                await closed.Task.WaitAsync(stoppingToken);
                logger.LogWarning("Lost the channel on {Queue}; reconnecting", queue);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                failures++;
                logger.LogWarning(ex, "Consumer could not connect (attempt {Attempt})", failures);
            }
            finally
            {
                await DisposeQuietlyAsync(channel);
            }

            try
            {
                await Task.Delay(Backoff.For(failures, _options.MaxReconnectDelay), stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    private async Task ProcessSafelyAsync(IChannel channel, BasicDeliverEventArgs delivery, CancellationToken ct)
    {
        try
        {
            await processor.ProcessAsync(channel, delivery, ct);
        }
        catch (Exception ex)
        {
            // Typically the channel died mid-ack; the broker redelivers and the inbox deduplicates.
            logger.LogWarning(ex, "Could not settle delivery {MessageId}", delivery.BasicProperties.MessageId);
        }
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
            logger.LogDebug(ex, "Ignoring error while disposing a consumer channel");
        }
    }
}
