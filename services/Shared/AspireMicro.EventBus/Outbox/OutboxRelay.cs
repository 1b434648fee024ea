using AspireMicro.EventBus.Configuration;
using AspireMicro.EventBus.Connection;
using AspireMicro.EventBus.Diagnostics;
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
    // A confirm normally takes milliseconds; beyond this the broker is in trouble and the batch is retried.
    private static readonly TimeSpan ConfirmTimeout = TimeSpan.FromSeconds(15);
    private readonly EventBusOptions _options = options.Value;
    private IChannel? _channel;
    private PublishConfirmations? _confirmations;

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

        var (sent, failure) = await PublishInOrderAsync(batch, cancellationToken);

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

    /// <summary>
    /// Sends the whole batch in sequence order, then waits once for the confirms (one round trip per batch,
    /// not per row). Only the confirmed prefix counts as published: a row after a nacked one is sent again
    /// later (a duplicate the inbox absorbs) rather than overtaking it.
    /// </summary>
    private async Task<(int Sent, Exception? Failure)> PublishInOrderAsync(
        List<OutboxMessage> batch,
        CancellationToken cancellationToken)
    {
        var verdicts = new List<Task<bool>>(batch.Count);
        Exception? failure = null;
        try
        {
            var (channel, confirmations) = await GetChannelAsync(cancellationToken);
            foreach (var message in batch)
            {
                message.PublishAttempts++;
                var verdict = await confirmations.ExpectAsync(message.Id.ToString(), cancellationToken);
                using (SuppressInstrumentationScope.Begin(false))
                {
                    await OutboxPublisher.SendAsync(channel, message, cancellationToken);
                }

                verdicts.Add(verdict);
            }

            await Task.WhenAll(verdicts).WaitAsync(ConfirmTimeout, cancellationToken);
        }
        catch (Exception ex)
        {
            failure = ex;
        }

        var sent = 0;
        var now = DateTimeOffset.UtcNow;
        foreach (var verdict in verdicts)
        {
            if (!verdict.IsCompletedSuccessfully || !verdict.Result)
            {
                break;
            }

            batch[sent].PublishedAt = now;
            sent++;
        }

        EventBusTelemetry.Confirmed.Add(sent);
        if (failure is null && sent < batch.Count)
        {
            failure = new InvalidOperationException("The broker refused (nack or unroutable) an outbox row.");
        }

        return (sent, failure);
    }

    private async Task<(IChannel Channel, PublishConfirmations Confirmations)> GetChannelAsync(
        CancellationToken cancellationToken)
    {
        if (_channel is { IsOpen: true } && _confirmations is not null)
        {
            return (_channel, _confirmations);
        }

        await DropChannelAsync();
        var connection = await connections.GetConnectionAsync(cancellationToken);
        var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: false),
            cancellationToken);
        await EventBusTopology.DeclarePublisherTopologyAsync(channel, cancellationToken);
        _confirmations = new PublishConfirmations(channel);
        _channel = channel;
        return (channel, _confirmations);
    }

    private async Task DropChannelAsync()
    {
        _confirmations?.Dispose();
        _confirmations = null;
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
