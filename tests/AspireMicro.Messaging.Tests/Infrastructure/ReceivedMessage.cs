namespace AspireMicro.Messaging.Tests.Infrastructure;

public sealed record ReceivedMessage(string? EventType, string? MessageId, string Body, string? TraceParent);
