using AspireMicro.Hosting;
using AspireMicro.Hosting.ApplicationModel;
using AspireMicro.Hosting.Testing;

namespace AspireMicro.EndToEnd.Tests.Infrastructure;

/// <summary>
/// One running AspireMicro (the real AppHost model, with its dashboard) shared by every test of a collection:
/// the whole app takes 15–25 s to start on two cores, far too long to pay per test.
/// </summary>
public class AppFixture : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);
    private DistributedApplication? _app;
    private DashboardClient? _dashboard;

    public DistributedApplication App => _app ?? throw new InvalidOperationException("The app has not started.");

    public HttpClient Gateway { get; private set; } = null!;

    public ShopClient Shop { get; private set; } = null!;

    public DashboardClient Dashboard => _dashboard ?? throw new InvalidOperationException("This collection's app runs without the dashboard.");

    public TimeSpan StartupTime { get; private set; }

    /// <summary>How the very first checkout went (status and time per attempt); tests print it.</summary>
    public string WarmUp { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        using var timeout = new CancellationTokenSource(StartTimeout);
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AspireMicro_AppHost>(
            [], options => options.DisableDashboard = !WithDashboard, timeout.Token);
        // Declines would make "every order ends Paid" untrue by design; the decline path has its own tests.
        builder.GetResource<ProjectResource>("payment").WithEnvironment("Payment__FailureRate", "0");
        // Pollers and the bad-input sweep are one client; the per-client limit has its own tests.
        builder.GetResource<ProjectResource>("gateway").WithEnvironment("Gateway__RateLimit__PermitLimit", "1000000");
        // A short break lets the Redis scenario watch the breaker close again within the test.
        builder.GetResource<ProjectResource>("catalog").WithEnvironment("CatalogCache__BreakDuration", "00:00:02");
        Configure(builder);

        _app = await builder.BuildAsync(timeout.Token);
        await _app.StartAsync(timeout.Token);
        foreach (var resource in _app.Model.Resources.Where(r => r is ProjectResource or INativeServerResource))
        {
            await _app.ResourceNotifications.WaitForResourceHealthyAsync(resource.Name, timeout.Token);
        }

        StartupTime = watch.Elapsed;
        Gateway = _app.CreateHttpClient("gateway");
        Gateway.Timeout = TimeSpan.FromSeconds(30);
        Shop = new ShopClient(Gateway);
        WarmUp = await FirstCheckoutAsync();
        if (WithDashboard)
        {
            _dashboard = await DashboardClient.LoginAsync(_app.DashboardLoginUrl
                ?? throw new InvalidOperationException("The dashboard did not start."));
        }
    }

    /// <summary>
    /// "Healthy" is per process; the first purchase also needs every hop's connections and caches. Tests start
    /// once one purchase went through, and the attempts are reported rather than hidden.
    /// </summary>
    private async Task<string> FirstCheckoutAsync()
    {
        var attempts = new List<string>();
        var product = (await Shop.SearchAsync(pageSize: 1)).Single();
        await Eventually.GetAsync(
            async () =>
            {
                var buyer = ShopClient.NewBuyer();
                await Shop.AddToBasketAsync(buyer, product.Id, 1);
                var watch = System.Diagnostics.Stopwatch.StartNew();
                using var response = await Gateway.PostAsync($"/api/basket/{buyer}/checkout", null);
                var body = await response.Content.ReadAsStringAsync();
                attempts.Add($"{(int)response.StatusCode} in {watch.ElapsedMilliseconds} ms{(response.IsSuccessStatusCode ? "" : ": " + body[..Math.Min(body.Length, 300)])}");
                return response.IsSuccessStatusCode;
            },
            ok => ok, TimeSpan.FromSeconds(90), "a first checkout to succeed");
        return string.Join(" | ", attempts);
    }

    /// <summary>Traces and the browser walks need the dashboard; collections that do not need it start faster without.</summary>
    protected virtual bool WithDashboard => true;

    /// <summary>Hook for a collection that needs a different model.</summary>
    protected virtual void Configure(IDistributedApplicationTestingBuilder builder)
    {
    }

    public async Task DisposeAsync()
    {
        Gateway?.Dispose();
        _dashboard?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
