namespace AspireMicro.Hosting.Tests.Backing;

/// <summary>
/// Classes that boot Erlang nodes run one after another: each node takes a core for seconds while it boots, and on
/// a 2-core machine several at once only make every one of them slower and the timeouts flaky.
/// </summary>
[CollectionDefinition(Name)]
public sealed class RabbitMqCollection
{
    public const string Name = "RabbitMQ nodes";
}
