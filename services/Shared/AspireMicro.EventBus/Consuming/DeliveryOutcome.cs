namespace AspireMicro.EventBus.Consuming;

/// <summary>What happened to one delivery; used for logs and tests.</summary>
public enum DeliveryOutcome
{
    Handled,
    Duplicate,
    Retried,
    DeadLettered,
}
