using AspireMicro.EventBus.Configuration;
using AspireMicro.EventBus.Connection;
using AspireMicro.EventBus.Topology;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using RabbitMQ.Client;

namespace AspireMicro.EventBus.Outbox;

/// <summary>
/// Moves committed outbox rows to the broker, oldest first. A row is marked published only after the
/// broker confirmed it, so a crash or broker restart can cause a resend (consumers deduplicate) but never
/// a loss. Replicas share the table safely: rows are claimed with <c>FOR UPDATE SKIP LOCKED</c>.
/// </summary>
public sealed class OutboxRelay<TDbContext>(
    IServiceProvider services,
    RabbitMqConnectionProvider connections,
    IOptions<EventBusOptions> options,
    ILogger<OutboxRelay<TDbContext>> logger) : BackgroundService
    where TDbContext : DbContext
{
    private readonly EventBusOptions _options = options.Value;
    private IChannel? _channel;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var claimed = await RelayBatchAsync(stoppingToken);
                failures = 0;
                // A full batch means more may be waiting: go again at once.
                if (claimed < _options.RelayBatchSize)
                {
                    await Task.Delay(_options.RelayPollInterval, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                failures++;
                var delay = Backoff.For(failures, _options.MaxReconnectDelay);
                logger.LogWarning(ex, "Outbox relay failed (attempt {Attempt}); retrying in {Delay}", failures, delay);
                await DropChannelAsync();
                try
                {
                    await Task.Delay(delay, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }

        await DropChannelAsync();
    }

    /// <summary>Publishes one batch; returns how many rows it claimed.</summary>
    private async Task<int> RelayBatchAsync(CancellationToken cancellationToken)
    {
        // The relay's own SQL (poll, claim, mark published) would otherwise be a new root trace five times a
        // second, crowding real traces out of the dashboard. Only the publish spans are exported, and they
        // continue the trace of the request that wrote the row.
        using var quiet = SuppressInstrumentationScope.Begin();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var batch = await db.Set<OutboxMessage>()
            .FromSql($"""
                SELECT * FROM outbox_messages
                WHERE published_at IS NULL
                ORDER BY sequence
                LIMIT {_options.RelayBatchSize}
                FOR UPDATE SKIP LOCKED
                """)
            .ToListAsync(cancellationToken);

        if (batch.Count == 0)
        {
            await transaction.CommitAsync(cancellationToken);
            return 0;
        }

        var sent = 0;
        Exception? failure = null;
        try
        {
            var channel = await GetChannelAsync(cancellationToken);
            foreach (var message in batch)
            {
                message.PublishAttempts++;
                using (SuppressInstrumentationScope.Begin(false))
                {
                    await OutboxPublisher.PublishAsync(channel, message, cancellationToken);
                }

                message.PublishedAt = DateTimeOffset.UtcNow;
                sent++;
            }
        }
        catch (Exception ex)
        {
            failure = ex;
        }

        // Record what the broker confirmed even when stopping: forgetting it would only cause resends,
        // but there is no reason to.
        await db.SaveChangesAsync(CancellationToken.None);
        await transaction.CommitAsync(CancellationToken.None);

        if (failure is not null)
        {
            throw new InvalidOperationException(
                $"Published {sent} of {batch.Count} outbox rows; the rest stay queued.", failure);
        }

        return batch.Count;
    }

    private async Task<IChannel> GetChannelAsync(CancellationToken cancellationToken)
    {
        if (_channel is { IsOpen: true })
        {
            return _channel;
        }

        await DropChannelAsync();
        var connection = await connections.GetConnectionAsync(cancellationToken);
        var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true),
            cancellationToken);
        await EventBusTopology.DeclarePublisherTopologyAsync(channel, cancellationToken);
        _channel = channel;
        return channel;
    }

    private async Task DropChannelAsync()
    {
        var channel = _channel;
        _channel = null;
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
            logger.LogDebug(ex, "Ignoring error while disposing the relay channel");
        }
    }
}
