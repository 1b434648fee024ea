using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using AspireMicro.EndToEnd.Tests.Telemetry;
using AspireMicro.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AspireMicro.EndToEnd.Tests.Infrastructure;

/// <summary>
/// One running AspireMicro (the real AppHost model on Aspire.Hosting.Testing: native stores with throwaway data,
/// random ports) shared by every test of a collection: the whole app takes seconds to start on two cores, far too
/// long to pay per test. Telemetry goes to an OTLP receiver the fixture starts, not to a dashboard.
/// </summary>
public sealed class AppFixture : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);
    private DistributedApplication? _app;
    private OtlpReceiver? _otlp;

    public DistributedApplication App => _app ?? throw new InvalidOperationException("The app has not started.");

    public ReceivedTelemetry Telemetry => _otlp?.Telemetry ?? throw new InvalidOperationException("The app has not started.");

    public HttpClient Gateway { get; private set; } = null!;

    /// <summary>Tokens from the app's real identity service (test client, password grant; see IdentityTestClient).</summary>
    public IdentityTestClient Identity { get; private set; } = null!;

    /// <summary>The seeded demo users' passwords, given to the AppHost as its secret parameters.</summary>
    public const string DemoBuyerPassword = "Demo-buyer-2026";
    public const string DemoAdminPassword = "Demo-admin-2026";

    /// <summary>Registers the password-grant test client in the identity service (only tests configure it).</summary>
    private static readonly string TestClientSecret = Guid.NewGuid().ToString("N");

    public ShopClient Shop { get; private set; } = null!;

    public TimeSpan StartupTime { get; private set; }

    /// <summary>The services' log records from their start until every resource was healthy.</summary>
    public IReadOnlyList<ReceivedLog> StartupLogs { get; private set; } = [];

    /// <summary>How the very first checkout went (status and time per attempt); tests print it.</summary>
    public string WarmUp { get; private set; } = "";

    public Task InitializeAsync() => StartAsync(untilHealthy: true);

    /// <summary>
    /// Starts the app. With <paramref name="untilHealthy"/> it returns once every resource is healthy and a first
    /// purchase went through; without, as soon as every resource is Running (every process exists), which is all
    /// the orphan test needs before it kills the host.
    /// </summary>
    public async Task StartAsync(bool untilHealthy)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        using var timeout = new CancellationTokenSource(StartTimeout);
        _otlp = await OtlpReceiver.StartAsync(timeout.Token);
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AspireMicro_AppHost>(
            ["--BackingStores=native", $"--Parameters:identity-buyer-password={DemoBuyerPassword}", $"--Parameters:identity-admin-password={DemoAdminPassword}"],
            (options, _) => options.DisableDashboard = true, timeout.Token);
        builder.WithQuietLogs();
        // With no dashboard in the model, Aspire points every resource's OTLP exporter at this setting.
        builder.Configuration["ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL"] = _otlp.Endpoint.ToString();
        // Declines would make "every order ends Paid" untrue by design; the decline path has its own tests.
        builder.CreateResourceBuilder<ProjectResource>("payment").WithEnvironment("Payment__FailureRate", "0");
        // Pollers and the bad-input sweep are one client; the per-client limit has its own tests.
        builder.CreateResourceBuilder<ProjectResource>("gateway").WithEnvironment("Gateway__RateLimit__PermitLimit", "1000000");
        // The expired-token test uses a test client whose tokens live 2 s; the default 30 s of clock skew would
        // keep them valid for half a minute longer. One second is still tolerant of this one machine's clock.
        builder.CreateResourceBuilder<ProjectResource>("gateway").WithEnvironment("Auth__ClockSkew", "00:00:01");
        // A short break lets the Redis scenario watch the breaker close again within the test.
        builder.CreateResourceBuilder<ProjectResource>("catalog").WithEnvironment("CatalogCache__BreakDuration", "00:00:02");
        builder.CreateResourceBuilder<ProjectResource>("identity").WithEnvironment("Identity__Test__Secret", TestClientSecret);

        _app = await builder.BuildAsync(timeout.Token);
        await _app.StartAsync(timeout.Token);
        foreach (var resource in _app.Services.GetRequiredService<DistributedApplicationModel>().Resources.Where(IsWatched))
        {
            if (untilHealthy)
            {
                await _app.ResourceNotifications.WaitForResourceHealthyAsync(resource.Name, timeout.Token);
            }
            else
            {
                await _app.ResourceNotifications.WaitForResourceAsync(resource.Name, KnownResourceStates.Running, timeout.Token);
            }
        }

        StartupTime = watch.Elapsed;
        if (!untilHealthy)
        {
            return;
        }

        Identity = new IdentityTestClient(_app.GetEndpoint("identity", "http"), TestClientSecret);
        Gateway = _app.CreateHttpClient("gateway");
        Gateway.Timeout = TimeSpan.FromSeconds(30);
        Shop = new ShopClient(Gateway, Identity);
        // What the services logged from their start until all were healthy, once their exporters have sent it.
        await OtlpFlush.WaitAsync(_otlp.Telemetry, TimeSpan.FromSeconds(30));
        StartupLogs = _otlp.Telemetry.Logs;
        WarmUp = await FirstCheckoutAsync();
    }

    /// <summary>Every resource that runs something: projects, stores and their databases (not parameters).</summary>
    private static bool IsWatched(IResource resource) => resource is ProjectResource or IResourceWithConnectionString;

    /// <summary>
    /// "Healthy" is per process; the first purchase also needs every hop's connections and caches. Tests start
    /// once one purchase went through, and the attempts are reported rather than hidden.
    /// </summary>
    private async Task<string> FirstCheckoutAsync()
    {
        var attempts = new List<string>();
        var product = (await Shop.SearchAsync(pageSize: 1)).Single();
        var buyer = await Shop.NewBuyerAsync();
        await Eventually.GetAsync(
            async () =>
            {
                await Shop.SetBasketAsync(buyer, product.Id, 1);
                var watch = System.Diagnostics.Stopwatch.StartNew();
                using var response = await Shop.SendAsync(buyer, HttpMethod.Post, "/api/basket/checkout");
                var body = await response.Content.ReadAsStringAsync();
                attempts.Add($"{(int)response.StatusCode} in {watch.ElapsedMilliseconds} ms{(response.IsSuccessStatusCode ? "" : ": " + body[..Math.Min(body.Length, 300)])}");
                return response.IsSuccessStatusCode;
            },
            ok => ok, TimeSpan.FromSeconds(90), "a first checkout to succeed");
        return string.Join(" | ", attempts);
    }

    public async Task DisposeAsync()
    {
        Gateway?.Dispose();
        Identity?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        if (_otlp is not null)
        {
            await _otlp.DisposeAsync();
        }
    }
}
