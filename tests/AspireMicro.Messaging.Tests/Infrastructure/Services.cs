using Analytics.Api.Projections;
using Ordering.Api.Infrastructure;
using Payment.Worker.Infrastructure;

namespace AspireMicro.Messaging.Tests.Infrastructure;

/// <summary>Starts our services in-process, wired to the fixture's servers like the AppHost would.</summary>
public static class Services
{
    private static readonly Dictionary<string, string?> FastBus = new()
    {
        ["EventBus:RelayPollInterval"] = "00:00:00.050",
        ["EventBus:RetryDelay"] = "00:00:00.100",
        ["EventBus:MaxReconnectDelay"] = "00:00:01",
    };

    public static ServiceFactory<OrderingDbContext> Ordering(MessagingFixture fixture, string database) =>
        new(new Dictionary<string, string?>(FastBus)
        {
            ["ConnectionStrings:orderingdb"] = fixture.PostgresConnectionString(database),
            ["ConnectionStrings:messaging"] = fixture.AmqpConnectionString,
        });

    public static ServiceFactory<PaymentDbContext> Payment(
        MessagingFixture fixture,
        string database,
        decimal maxApprovedAmount = 1_000m) =>
        new(new Dictionary<string, string?>(FastBus)
        {
            ["ConnectionStrings:paymentdb"] = fixture.PostgresConnectionString(database),
            ["ConnectionStrings:messaging"] = fixture.AmqpConnectionString,
            ["Payment:FailureRate"] = "0",
            ["Payment:MaxApprovedAmount"] = maxApprovedAmount.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

    public static ServiceFactory<SalesProjection> Analytics(MessagingFixture fixture) =>
        new(new Dictionary<string, string?>(FastBus)
        {
            ["ConnectionStrings:messaging"] = fixture.AmqpConnectionString,
        });
}
