using System.Collections.Concurrent;

namespace AspireMicro.Messaging.Tests.Consuming;

/// <summary>Counts handler invocations per order, shared between a test and its handler.</summary>
public sealed class AttemptCounter
{
    private readonly ConcurrentDictionary<Guid, int> _attempts = new();

    public int Increment(Guid orderId) => _attempts.AddOrUpdate(orderId, 1, (_, n) => n + 1);

    public int Get(Guid orderId) => _attempts.GetValueOrDefault(orderId);
}
