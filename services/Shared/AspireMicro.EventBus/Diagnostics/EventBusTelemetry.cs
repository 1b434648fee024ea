using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace AspireMicro.EventBus.Diagnostics;

/// <summary>
/// Spans and counters of the bus. The names start with <c>AspireMicro.</c> so the service defaults pick
/// them up without each service registering them.
/// </summary>
public static class EventBusTelemetry
{
    public const string Name = "AspireMicro.EventBus";

    public static readonly ActivitySource ActivitySource = new(Name);

    private static readonly Meter Meter = new(Name);

    public static readonly Counter<long> Published =
        Meter.CreateCounter<long>("aspiremicro.eventbus.published", "{message}", "Messages sent to the broker.");

    public static readonly Counter<long> Confirmed =
        Meter.CreateCounter<long>("aspiremicro.eventbus.confirmed", "{message}", "Publishes the broker confirmed.");

    public static readonly Counter<long> Consumed =
        Meter.CreateCounter<long>("aspiremicro.eventbus.consumed", "{message}", "Deliveries handled and acknowledged.");

    public static readonly Counter<long> DeadLettered =
        Meter.CreateCounter<long>("aspiremicro.eventbus.dead_lettered", "{message}", "Deliveries rejected to the DLQ.");
}
