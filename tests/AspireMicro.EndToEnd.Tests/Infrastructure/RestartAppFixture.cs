using Aspire.Hosting.Testing;

namespace AspireMicro.EndToEnd.Tests.Infrastructure;

/// <summary>
/// A second app for the scenarios that restart PostgreSQL or RabbitMQ, so they cannot disturb the others.
/// It needs no storefront: one fewer process to start on two cores.
/// </summary>
public sealed class RestartAppFixture : AppFixture
{
    protected override void Configure(IDistributedApplicationTestingBuilder builder) =>
        builder.Resources.Remove(builder.Resources.Single(r => r.Name == "storefront"));
}
