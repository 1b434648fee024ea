namespace AspireMicro.IntegrationEvents;

/// <summary>
/// Base of every message that crosses a service boundary. The id doubles as the AMQP message-id and is
/// what consumers deduplicate on, so it is fixed when the event is created, not when it is sent. Ids increase in creation order (see
/// <see cref="EventIds"/>), which is the order the outbox publishes the events of one transaction in.
/// </summary>
public abstract record IntegrationEvent
{
    public Guid EventId { get; init; } = EventIds.Next();

    public DateTimeOffset OccurredAt { get; init; } = DateTimeOffset.UtcNow;
}
