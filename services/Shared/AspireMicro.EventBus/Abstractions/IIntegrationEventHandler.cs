using AspireMicro.IntegrationEvents;

namespace AspireMicro.EventBus.Abstractions;

/// <summary>
/// Handles one event type. It runs inside a database transaction that also records the message as
/// processed (inbox) and stores any events it enqueues with <c>AddIntegrationEvent</c> (outbox); the
/// broker delivery is acknowledged only after that transaction commits. Throwing means "try again later".
/// </summary>
public interface IIntegrationEventHandler<in TEvent> where TEvent : IntegrationEvent
{
    Task HandleAsync(TEvent integrationEvent, CancellationToken cancellationToken);
}
