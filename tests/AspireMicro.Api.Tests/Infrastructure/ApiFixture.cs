using AspireMicro.Testing;
using Basket.Api.Storage;
using Catalog.Api.Data;
using Gateway.Configuration;
using Identity.Api.Data;
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
    public ServiceHost<IdentityDb> Identity { get; private set; } = null!;
    public string CatalogDb { get; private set; } = string.Empty;

    /// <summary>The real identity service's tokens: registered buyers and the seeded admin (password grant, test client).</summary>
    public IdentityTestClient Tokens { get; private set; } = null!;

    public const string AdminPassword = "Api-admin-2026";
    private const string BasketClientSecret = "api-tests-basket-secret";
    private static readonly string TestClientSecret = Guid.NewGuid().ToString("N");
    private TestUser? _admin;

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await Servers.StartAsync(timeout.Token);
        CatalogDb = Servers.CatalogDb;

        // The real identity service first: every other service validates its tokens (its URL is the issuer).
        Identity = new ServiceHost<IdentityDb>(new Dictionary<string, string?>
        {
            ["ConnectionStrings:identitydb"] = Servers.IdentityDb,
            ["Identity:Admin:Password"] = AdminPassword,
            ["Identity:Basket:Secret"] = BasketClientSecret,
            ["Identity:Test:Secret"] = TestClientSecret,
        });
        Tokens = new IdentityTestClient(Identity.BaseAddress, TestClientSecret);

        // One after the other: WebApplicationFactory finds its host through a process-wide DiagnosticListener, so two
        // factories starting at once can pick up each other's host ("Addresses cannot be modified after the server has
        // started"). Replicas racing on the migration lock are covered where they are real processes: the AppHost
        // starts catalog-0 and catalog-1 together in every end-to-end run.
        Catalog0 = StartCatalog("catalog-0");
        Catalog1 = StartCatalog("catalog-1");

        // The real ordering service, so checkout is proven against its idempotency, not a stand-in.
        Ordering = new ServiceHost<OrderStockReservedHandler>(WithIdentity(new Dictionary<string, string?>
        {
            ["ConnectionStrings:orderingdb"] = Servers.OrderingDb,
            ["ConnectionStrings:messaging"] = Servers.Messaging,
        }));
        Basket = new ServiceHost<BasketStore>(WithIdentity(new Dictionary<string, string?>
        {
            ["ConnectionStrings:redis"] = Servers.Redis,
            ["services:catalog:http:0"] = Catalog0.Url,
            ["services:ordering:http:0"] = Ordering.Url,
            ["Basket:TimeToLive"] = "00:30:00",
            // A cold catalog or ordering on a loaded 2-core machine can take seconds: tests check behaviour, not speed.
            ["Basket:DownstreamAttemptTimeout"] = "00:00:10",
            ["Basket:DownstreamTotalTimeout"] = "00:00:30",
        }));
        Gateway = StartGateway(new Dictionary<string, string?>());
    }

    public ServiceHost<CatalogDbContext> StartCatalog(string instanceId) => new(WithIdentity(new Dictionary<string, string?>
    {
        ["ConnectionStrings:catalogdb"] = CatalogDb,
        ["ConnectionStrings:redis"] = Servers.Redis,
        ["ConnectionStrings:messaging"] = Servers.Messaging,
        ["OTEL_RESOURCE_ATTRIBUTES"] = $"service.instance.id={instanceId}",
        ["CatalogCache:BreakDuration"] = "00:00:02",
    }));

    /// <summary>
    /// Adds what every service needs to validate tokens (the identity service's address, as Aspire's service
    /// discovery gives it) and basket's client secret for its client-credentials calls to ordering.
    /// </summary>
    public Dictionary<string, string?> WithIdentity(Dictionary<string, string?> settings)
    {
        settings["services:identity:http:0"] = Identity.Url;
        settings["Auth:ClientSecret"] = BasketClientSecret;
        return settings;
    }

    /// <summary>A newly registered buyer with its own token (its sub is its buyer id everywhere).</summary>
    public async Task<TestUser> NewBuyerAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return await Tokens.NewBuyerAsync("api", timeout.Token);
    }

    /// <summary>The seeded admin (catalog writes need the admin role).</summary>
    public async Task<TestUser> AdminAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return _admin ??= await Tokens.SignInAsync("admin", AdminPassword, timeout.Token);
    }

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
        WithIdentity(settings);
        foreach (var (key, value) in overrides)
        {
            settings[key] = value;
        }

        return new ServiceHost<GatewayOptions>(settings);
    }

    public async Task DisposeAsync()
    {
        Tokens?.Dispose();
        foreach (var host in new IAsyncDisposable?[] { Gateway, Basket, Ordering, Catalog1, Catalog0, Identity })
        {
            if (host is not null)
            {
                await host.DisposeAsync();
            }
        }

        await Servers.DisposeAsync();
    }
}
