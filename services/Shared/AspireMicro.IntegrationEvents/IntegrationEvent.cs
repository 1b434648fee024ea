namespace AspireMicro.IntegrationEvents;

/// <summary>
/// Base of every message that crosses a service boundary. The id doubles as the AMQP message-id and is
/// what consumers deduplicate on, so it is fixed when the event is created, not when it is sent.
/// </summary>
public abstract record IntegrationEvent
{
    public Guid EventId { get; init; } = Guid.NewGuid();

    public DateTimeOffset OccurredAt { get; init; } = DateTimeOffset.UtcNow;
}
