using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace AspireMicro.Hosting.Orchestration;

/// <summary>Captured output per resource instance: a bounded backlog plus live subscribers.</summary>
public sealed class ResourceLoggerService(int capacityPerResource = 10_000)
{
    private readonly ConcurrentDictionary<string, Buffer> _buffers = new(StringComparer.OrdinalIgnoreCase);

    public void Append(string resourceName, DateTimeOffset timestamp, string stream, string text) =>
        _buffers.GetOrAdd(resourceName, _ => new Buffer(capacityPerResource)).Append(timestamp, stream, text);

    public IReadOnlyList<ResourceLogLine> GetBacklog(string resourceName) =>
        _buffers.TryGetValue(resourceName, out var buffer) ? buffer.Snapshot() : [];

    /// <summary>Backlog first; with <paramref name="follow"/>, then every new line until cancelled.</summary>
    public async IAsyncEnumerable<ResourceLogLine> WatchAsync(
        string resourceName, bool follow, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var buffer = _buffers.GetOrAdd(resourceName, _ => new Buffer(capacityPerResource));
        var (backlog, channel) = buffer.Subscribe(follow);
        try
        {
            foreach (var line in backlog)
            {
                yield return line;
            }

            if (channel is null)
            {
                yield break;
            }

            await foreach (var line in channel.Reader.ReadAllAsync(cancellationToken))
            {
                yield return line;
            }
        }
        finally
        {
            if (channel is not null)
            {
                buffer.Unsubscribe(channel);
            }
        }
    }

    private sealed class Buffer(int capacity)
    {
        private readonly Lock _gate = new();
        private readonly Queue<ResourceLogLine> _lines = new();
        private readonly List<Channel<ResourceLogLine>> _subscribers = [];
        private long _lineNumber;

        public void Append(DateTimeOffset timestamp, string stream, string text)
        {
            lock (_gate)
            {
                var line = new ResourceLogLine(++_lineNumber, timestamp, stream, text);
                _lines.Enqueue(line);
                if (_lines.Count > capacity)
                {
                    _lines.Dequeue();
                }

                foreach (var subscriber in _subscribers)
                {
                    subscriber.Writer.TryWrite(line);
                }
            }
        }

        public ResourceLogLine[] Snapshot()
        {
            lock (_gate)
            {
                return [.. _lines];
            }
        }

        public (ResourceLogLine[] Backlog, Channel<ResourceLogLine>? Live) Subscribe(bool follow)
        {
            lock (_gate)
            {
                Channel<ResourceLogLine>? channel = null;
                if (follow)
                {
                    channel = Channel.CreateUnbounded<ResourceLogLine>(new UnboundedChannelOptions { SingleReader = true });
                    _subscribers.Add(channel);
                }

                return ([.. _lines], channel);
            }
        }

        public void Unsubscribe(Channel<ResourceLogLine> channel)
        {
            lock (_gate)
            {
                _subscribers.Remove(channel);
            }
        }
    }
}
