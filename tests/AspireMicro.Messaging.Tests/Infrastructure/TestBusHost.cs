using AspireMicro.EventBus.Configuration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AspireMicro.Messaging.Tests.Infrastructure;

/// <summary>
/// A minimal service built on the EventBus library alone (generic host, real database and broker),
/// for stand-ins such as catalog and for handlers that fail on purpose.
/// </summary>
public static class TestBusHost
{
    public static async Task<IHost> StartAsync(
        MessagingFixture fixture,
        string serviceName,
        Action<EventBusBuilder> configure,
        Action<IServiceCollection>? services = null,
        IReadOnlyDictionary<string, string?>? settings = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:messaging"] = fixture.AmqpConnectionString,
            ["EventBus:RelayPollInterval"] = "00:00:00.050",
            ["EventBus:RetryDelay"] = "00:00:00.100",
            ["EventBus:MaxReconnectDelay"] = "00:00:01",
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        var database = fixture.PostgresConnectionString(MessagingFixture.UniqueDatabaseName(serviceName.Replace('-', '_')));
        builder.Services.AddDbContext<TestBusDbContext>(options => options.UseNpgsql(database));
        services?.Invoke(builder.Services);

        var bus = builder.AddEventBus(serviceName)
            .AddSchema<TestBusDbContext>()
            .AddOutboxRelay<TestBusDbContext>()
            .AddConsumer<TestBusDbContext>();
        configure(bus);

        var host = builder.Build();
        await host.StartAsync();
        return host;
    }
}
