using AspireMicro.Hosting.Testing;

namespace AspireMicro.EndToEnd.Tests.Infrastructure;

/// <summary>
/// A second app for the scenarios that restart PostgreSQL or RabbitMQ, so they cannot disturb the others.
/// It needs neither the dashboard nor the storefront: two fewer processes to start on two cores.
/// </summary>
public sealed class RestartAppFixture : AppFixture
{
    protected override bool WithDashboard => false;

    protected override void Configure(IDistributedApplicationTestingBuilder builder) => builder.RemoveResource("storefront");
}
