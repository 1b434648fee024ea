namespace AspireMicro.EndToEnd.Tests.Infrastructure;

/// <summary>A second app for the scenarios that restart PostgreSQL or RabbitMQ, so they cannot disturb the others.</summary>
public sealed class RestartAppFixture : AppFixture;
