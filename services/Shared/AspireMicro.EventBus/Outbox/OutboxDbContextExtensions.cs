using System.Diagnostics;
using AspireMicro.EventBus.Serialization;
using AspireMicro.IntegrationEvents;
using Microsoft.EntityFrameworkCore;

namespace AspireMicro.EventBus.Outbox;

public static class OutboxDbContextExtensions
{
    /// <summary>
    /// Stages an event in the outbox. Nothing is sent now: the row is saved by the caller's
    /// <c>SaveChangesAsync</c> (inside its transaction) and the relay publishes it after the commit.
    /// </summary>
    public static void AddIntegrationEvent(this DbContext dbContext, IntegrationEvent integrationEvent)
    {
        var current = Activity.Current;
        dbContext.Set<OutboxMessage>().Add(new OutboxMessage
        {
            Id = integrationEvent.EventId,
            EventType = EventSerializer.EventTypeName(integrationEvent.GetType()),
            Payload = EventSerializer.Serialize(integrationEvent),
            TraceParent = current?.Id,
            TraceState = current?.TraceStateString,
            OccurredAt = integrationEvent.OccurredAt,
        });
    }
}
