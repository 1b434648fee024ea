using Basket.Api.Storage;
using Catalog.Api.Data;
using Gateway.Configuration;
using Ordering.Api.IntegrationEvents;

namespace AspireMicro.Api.Tests.Infrastructure;

/// <summary>
/// The API half of the store on real processes: Postgres, Redis and RabbitMQ, two catalog replicas on one
/// database, basket, and the gateway in front of them. Shared by the whole collection because starting it
/// costs seconds; tests use their own product ids and buyer ids so they do not see each other's writes.
/// </summary>
public sealed class ApiFixture : IAsyncLifetime
{
    public BackingServers Servers { get; } = new();
    public ServiceHost<CatalogDbContext> Catalog0 { get; private set; } = null!;
    public ServiceHost<CatalogDbContext> Catalog1 { get; private set; } = null!;
    public ServiceHost<BasketStore> Basket { get; private set; } = null!;
    public ServiceHost<OrderStockReservedHandler> Ordering { get; private set; } = null!;
    public ServiceHost<GatewayOptions> Gateway { get; private set; } = null!;
    public string CatalogDb { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await Servers.StartAsync(timeout.Token);
        CatalogDb = Servers.CatalogDb;

        // One after the other: WebApplicationFactory finds its host through a process-wide DiagnosticListener, so two
        // factories starting at once can pick up each other's host ("Addresses cannot be modified after the server has
        // started"). Replicas racing on the migration lock are covered where they are real processes: the AppHost
        // starts catalog-0 and catalog-1 together in every end-to-end run.
        Catalog0 = StartCatalog("catalog-0");
        Catalog1 = StartCatalog("catalog-1");

        // The real ordering service, so checkout is proven against its idempotency, not a stand-in.
        Ordering = new ServiceHost<OrderStockReservedHandler>(new Dictionary<string, string?>
        {
            ["ConnectionStrings:orderingdb"] = Servers.OrderingDb,
            ["ConnectionStrings:messaging"] = Servers.Messaging,
        });
        Basket = new ServiceHost<BasketStore>(new Dictionary<string, string?>
        {
            ["ConnectionStrings:redis"] = Servers.Redis,
            ["services:catalog:http:0"] = Catalog0.Url,
            ["services:ordering:http:0"] = Ordering.Url,
            ["Basket:TimeToLive"] = "00:30:00",
            // A cold catalog or ordering on a loaded 2-core machine can take seconds: tests check behaviour, not speed.
            ["Basket:DownstreamAttemptTimeout"] = "00:00:10",
            ["Basket:DownstreamTotalTimeout"] = "00:00:30",
        });
        Gateway = StartGateway(new Dictionary<string, string?>());
    }

    public ServiceHost<CatalogDbContext> StartCatalog(string instanceId) => new(new Dictionary<string, string?>
    {
        ["ConnectionStrings:catalogdb"] = CatalogDb,
        ["ConnectionStrings:redis"] = Servers.Redis,
        ["ConnectionStrings:messaging"] = Servers.Messaging,
        ["OTEL_RESOURCE_ATTRIBUTES"] = $"service.instance.id={instanceId}",
        ["CatalogCache:BreakDuration"] = "00:00:02",
    });

    /// <summary>A gateway over the fixture's services; <paramref name="overrides"/> win (e.g. a tiny rate limit).</summary>
    public ServiceHost<GatewayOptions> StartGateway(IReadOnlyDictionary<string, string?> overrides)
    {
        var settings = new Dictionary<string, string?>
        {
            ["services:catalog:http:0"] = Catalog0.Url,
            ["services:catalog:http:1"] = Catalog1.Url,
            ["services:basket:http:0"] = Basket.Url,
            ["services:ordering:http:0"] = Ordering.Url,
            ["Gateway:HealthProbeInterval"] = "00:00:01",
        };
        foreach (var (key, value) in overrides)
        {
            settings[key] = value;
        }

        return new ServiceHost<GatewayOptions>(settings);
    }

    public async Task DisposeAsync()
    {
        foreach (var host in new IAsyncDisposable?[] { Gateway, Basket, Ordering, Catalog1, Catalog0 })
        {
            if (host is not null)
            {
                await host.DisposeAsync();
            }
        }

        await Servers.DisposeAsync();
    }
}
