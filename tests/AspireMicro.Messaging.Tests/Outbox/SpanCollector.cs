using System.Collections.Concurrent;
using System.Diagnostics;
using OpenTelemetry;

namespace AspireMicro.Messaging.Tests.Outbox;

/// <summary>Keeps every span the OpenTelemetry SDK ends in this process, as an exporter would receive them.</summary>
public sealed class SpanCollector : BaseProcessor<Activity>
{
    private readonly ConcurrentQueue<Activity> _ended = new();

    public IReadOnlyList<Activity> Ended => [.. _ended];

    public override void OnEnd(Activity data) => _ended.Enqueue(data);
}
