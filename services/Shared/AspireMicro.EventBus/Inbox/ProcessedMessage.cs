namespace AspireMicro.EventBus.Inbox;

/// <summary>A delivery a consumer has handled; its key makes redeliveries of the same event no-ops.</summary>
public sealed class ProcessedMessage
{
    public Guid MessageId { get; set; }

    public required string Consumer { get; set; }

    public required string EventType { get; set; }

    public DateTimeOffset ProcessedAt { get; set; }
}
