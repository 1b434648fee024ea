using System.Runtime.CompilerServices;
using System.Threading.Channels;
using AspireMicro.Hosting.ApplicationModel;

namespace AspireMicro.Hosting.Orchestration;

/// <summary>
/// The single source of resource state. The orchestrator publishes immutable snapshots; the console, the resource
/// service (dashboard) and tests watch them as an async stream — nobody polls.
/// </summary>
public sealed class ResourceNotificationService
{
    private readonly Lock _gate = new();
    private readonly List<string> _order = [];
    private readonly Dictionary<string, ResourceSnapshot> _current = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<Channel<ResourceSnapshot>> _subscribers = [];
    private long _version;

    public IReadOnlyList<ResourceSnapshot> GetCurrentSnapshots()
    {
        lock (_gate)
        {
            return [.. _order.Select(n => _current[n])];
        }
    }

    public ResourceSnapshot? TryGetSnapshot(string name)
    {
        lock (_gate)
        {
            return _current.GetValueOrDefault(name);
        }
    }

    /// <summary>Applies <paramref name="update"/> to the current snapshot (or to <paramref name="initial"/> for a new resource) and broadcasts it.</summary>
    public ResourceSnapshot Publish(string name, Func<ResourceSnapshot, ResourceSnapshot> update, ResourceSnapshot? initial = null)
    {
        lock (_gate)
        {
            if (!_current.TryGetValue(name, out var previous))
            {
                previous = initial ?? throw new InvalidOperationException($"Unknown resource '{name}'.");
                _order.Add(name);
            }

            var next = update(previous) with { Version = ++_version };
            _current[name] = next;
            // Written under the lock so every subscriber sees changes in the same order.
            foreach (var subscriber in _subscribers)
            {
                subscriber.Writer.TryWrite(next);
            }

            return next;
        }
    }

    /// <summary>Every current snapshot first, then each change as it happens.</summary>
    public async IAsyncEnumerable<ResourceSnapshot> WatchAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var channel = Channel.CreateUnbounded<ResourceSnapshot>(new UnboundedChannelOptions { SingleReader = true });
        lock (_gate)
        {
            foreach (var name in _order)
            {
                channel.Writer.TryWrite(_current[name]);
            }

            _subscribers.Add(channel);
        }

        try
        {
            await foreach (var snapshot in channel.Reader.ReadAllAsync(cancellationToken))
            {
                yield return snapshot;
            }
        }
        finally
        {
            lock (_gate)
            {
                _subscribers.Remove(channel);
            }
        }
    }

    /// <summary>
    /// Waits until every instance of <paramref name="name"/> (a resource name such as <c>catalog</c>, or one instance
    /// such as <c>catalog-1</c>) satisfies <paramref name="predicate"/>; returns the snapshot that completed the wait.
    /// </summary>
    public async Task<ResourceSnapshot> WaitForResourceAsync(
        string name, Func<ResourceSnapshot, bool> predicate, CancellationToken cancellationToken = default)
    {
        var latest = new Dictionary<string, ResourceSnapshot>(StringComparer.OrdinalIgnoreCase);
        await foreach (var snapshot in WatchAsync(cancellationToken))
        {
            if (!Matches(snapshot, name))
            {
                continue;
            }

            latest[snapshot.Name] = snapshot;
            if (snapshot.State == KnownResourceStates.FailedToStart && !predicate(snapshot))
            {
                throw new DistributedApplicationException(
                    $"Resource '{snapshot.Name}' failed to start{(snapshot.HealthDescription is { } why ? $": {why}" : ".")}");
            }

            // An instance name needs one match; a resource name needs every replica.
            var required = latest.ContainsKey(name) ? 1 : snapshot.ReplicaCount;
            if (latest.Values.All(predicate) && latest.Count >= required)
            {
                return snapshot;
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        throw new OperationCanceledException();
    }

    public Task<ResourceSnapshot> WaitForResourceStateAsync(string name, string state, CancellationToken cancellationToken = default) =>
        WaitForResourceAsync(name, s => s.State == state, cancellationToken);

    public Task<ResourceSnapshot> WaitForResourceHealthyAsync(string name, CancellationToken cancellationToken = default) =>
        WaitForResourceAsync(name, s => s.Health == KnownHealthStates.Healthy && s.State == KnownResourceStates.Running, cancellationToken);

    private static bool Matches(ResourceSnapshot snapshot, string name) =>
        string.Equals(snapshot.Name, name, StringComparison.OrdinalIgnoreCase)
        || string.Equals(snapshot.DisplayName, name, StringComparison.OrdinalIgnoreCase);
}
