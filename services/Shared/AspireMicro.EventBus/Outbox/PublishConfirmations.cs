using System.Collections.Concurrent;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace AspireMicro.EventBus.Outbox;

/// <summary>
/// Tracks the broker's confirms of one channel (confirm mode, without the client's per-publish tracking),
/// so the relay can send a whole batch in order and then wait once, instead of one round trip per row.
/// A confirm is positive only for an ack of a message the broker did not return as unroutable.
/// </summary>
internal sealed class PublishConfirmations : IDisposable
{
    private readonly IChannel _channel;
    private readonly ConcurrentDictionary<ulong, (string MessageId, TaskCompletionSource<bool> Confirmed)> _pending = new();
    private readonly ConcurrentDictionary<string, byte> _returned = new(StringComparer.Ordinal);

    public PublishConfirmations(IChannel channel)
    {
        _channel = channel;
        channel.BasicAcksAsync += OnAckAsync;
        channel.BasicNacksAsync += OnNackAsync;
        channel.BasicReturnAsync += OnReturnAsync;
        channel.ChannelShutdownAsync += OnShutdownAsync;
    }

    /// <summary>Call right before the publish; the task completes with the broker's verdict.</summary>
    public async Task<Task<bool>> ExpectAsync(string messageId, CancellationToken cancellationToken)
    {
        var sequence = await _channel.GetNextPublishSequenceNumberAsync(cancellationToken);
        var confirmed = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[sequence] = (messageId, confirmed);
        return confirmed.Task;
    }

    public void Dispose()
    {
        _channel.BasicAcksAsync -= OnAckAsync;
        _channel.BasicNacksAsync -= OnNackAsync;
        _channel.BasicReturnAsync -= OnReturnAsync;
        _channel.ChannelShutdownAsync -= OnShutdownAsync;
        FailAll();
    }

    private Task OnAckAsync(object sender, BasicAckEventArgs args)
    {
        Settle(args.DeliveryTag, args.Multiple, ack: true);
        return Task.CompletedTask;
    }

    private Task OnNackAsync(object sender, BasicNackEventArgs args)
    {
        Settle(args.DeliveryTag, args.Multiple, ack: false);
        return Task.CompletedTask;
    }

    // basic.return carries no sequence number, but it comes before the ack of the same message.
    private Task OnReturnAsync(object sender, BasicReturnEventArgs args)
    {
        if (args.BasicProperties.MessageId is { } messageId)
        {
            _returned[messageId] = 0;
        }

        return Task.CompletedTask;
    }

    private Task OnShutdownAsync(object sender, ShutdownEventArgs args)
    {
        FailAll();
        return Task.CompletedTask;
    }

    private void Settle(ulong deliveryTag, bool multiple, bool ack)
    {
        var tags = multiple ? _pending.Keys.Where(tag => tag <= deliveryTag).ToList() : [deliveryTag];
        foreach (var tag in tags)
        {
            if (_pending.TryRemove(tag, out var entry))
            {
                var returned = _returned.TryRemove(entry.MessageId, out _);
                entry.Confirmed.TrySetResult(ack && !returned);
            }
        }
    }

    private void FailAll()
    {
        foreach (var tag in _pending.Keys.ToList())
        {
            if (_pending.TryRemove(tag, out var entry))
            {
                entry.Confirmed.TrySetResult(false);
            }
        }
    }
}
