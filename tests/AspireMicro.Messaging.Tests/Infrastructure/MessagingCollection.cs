namespace AspireMicro.Messaging.Tests.Infrastructure;

/// <summary>
/// The tests share one broker whose queues (ordering.events, payment.events…) are global, so they run
/// one after another rather than stealing each other's messages.
/// </summary>
[CollectionDefinition(Name)]
public sealed class MessagingCollection : ICollectionFixture<MessagingFixture>
{
    public const string Name = "messaging";
}
