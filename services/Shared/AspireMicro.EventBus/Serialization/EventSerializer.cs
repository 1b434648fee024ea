using System.Text.Json;
using System.Text.Json.Serialization;
using AspireMicro.IntegrationEvents;

namespace AspireMicro.EventBus.Serialization;

/// <summary>One JSON shape for events everywhere: camelCase, enums as names.</summary>
public static class EventSerializer
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Routing key and <c>x-event-type</c> header: the CLR type name, e.g. <c>OrderSubmitted</c>.</summary>
    public static string EventTypeName(Type eventType) => eventType.Name;

    public static string Serialize(IntegrationEvent integrationEvent) =>
        JsonSerializer.Serialize(integrationEvent, integrationEvent.GetType(), Options);

    /// <summary>Returns null for a body that is not a JSON object of that type (a poison message).</summary>
    public static IntegrationEvent? TryDeserialize(ReadOnlySpan<byte> body, Type eventType)
    {
        try
        {
            return JsonSerializer.Deserialize(body, eventType, Options) as IntegrationEvent;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
