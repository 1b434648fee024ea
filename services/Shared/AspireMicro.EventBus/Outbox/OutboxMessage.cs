namespace AspireMicro.EventBus.Outbox;

/// <summary>
/// An event waiting to be sent, written in the same transaction as the state change it announces.
/// The trace context of the writer is kept so the publish span, seconds later, joins the same trace.
/// </summary>
public sealed class OutboxMessage
{
    public Guid Id { get; set; }

    /// <summary>Commit order; the relay publishes in this order.</summary>
    public long Sequence { get; set; }

    public required string EventType { get; set; }

    public required string Payload { get; set; }

    public string? TraceParent { get; set; }

    public string? TraceState { get; set; }

    public DateTimeOffset OccurredAt { get; set; }

    public DateTimeOffset? PublishedAt { get; set; }

    public int PublishAttempts { get; set; }
}
