using AspireMicro.EventBus.Abstractions;
using AspireMicro.EventBus.Serialization;
using AspireMicro.IntegrationEvents;
using Microsoft.Extensions.DependencyInjection;

namespace AspireMicro.EventBus.Consuming;

/// <summary>Event type name → CLR type and handler invoker, filled by <c>AddHandler</c>.</summary>
public sealed class EventHandlerRegistry
{
    private readonly Dictionary<string, Registration> _byName = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> EventTypeNames => _byName.Keys;

    public void Add<TEvent>() where TEvent : IntegrationEvent =>
        _byName[EventSerializer.EventTypeName(typeof(TEvent))] = new Registration(
            typeof(TEvent),
            (services, integrationEvent, cancellationToken) => services
                .GetRequiredService<IIntegrationEventHandler<TEvent>>()
                .HandleAsync((TEvent)integrationEvent, cancellationToken));

    internal bool TryGet(string eventTypeName, out Registration registration) =>
        _byName.TryGetValue(eventTypeName, out registration!);

    internal sealed record Registration(
        Type EventType,
        Func<IServiceProvider, IntegrationEvent, CancellationToken, Task> Invoke);
}
