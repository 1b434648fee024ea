using System.Net;
using AspireMicro.Dashboard.Tests.Infrastructure;
using AspireMicro.Dashboard.Tests.ResourceService;
using Microsoft.Playwright;

namespace AspireMicro.Dashboard.Tests.Browser;

/// <summary>Resources and console-log pages against a stand-in resource service speaking the contract.</summary>
public sealed class ResourcePagesTests : IAsyncLifetime
{
    private static readonly LocatorAssertionsToBeVisibleOptions Soon = new() { Timeout = 15_000 };
    private StandInResourceService _resourceService = null!;
    private DashboardProcess _dashboard = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public async Task InitializeAsync()
    {
        _resourceService = await StandInResourceService.StartAsync(
            Resource("catalog-0", "catalog", 0, 2, "http://127.0.0.1:5101"),
            Resource("catalog-1", "catalog", 1, 2, "http://127.0.0.1:5102"),
            Resource("basket-0", "basket", 0, 1, "http://127.0.0.1:5201"));
        _resourceService.AppendLog("catalog-0", "stdout", "\u001b[32minfo\u001b[39m: Microsoft.Hosting.Lifetime[14] Now listening on: http://127.0.0.1:5101");
        _resourceService.AppendLog("catalog-0", "stderr", "\u001b[31mfail\u001b[39m: Catalog.Api[0] connection refused");
        _dashboard = await DashboardProcess.StartAsync(new DashboardSettings
        {
            ResourceServiceUrl = _resourceService.Url,
            ResourceServiceApiKey = StandInResourceService.ApiKey,
        });
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(BrowserFixture.LaunchOptions());
    }

    public async Task DisposeAsync()
    {
        await _browser.CloseAsync();
        _playwright.Dispose();
        await _dashboard.DisposeAsync();
        await _resourceService.DisposeAsync();
    }

    [Fact]
    public async Task Resources_page_shows_replicas_state_endpoints_and_masks_secrets_until_revealed()
    {
        var page = await LoggedInPageAsync();

        var row = page.GetByTestId("resource-row-catalog-1");
        await Assertions.Expect(row).ToBeVisibleAsync(Soon);
        await Assertions.Expect(row).ToContainTextAsync("replica 2/2");
        await Assertions.Expect(page.GetByTestId("resource-state-catalog-1")).ToHaveTextAsync("Running");
        await Assertions.Expect(page.GetByTestId("resource-health-catalog-1")).ToHaveTextAsync("Healthy");
        await Assertions.Expect(page.GetByTestId("resource-endpoint-catalog-1")).ToHaveAttributeAsync("href", "http://127.0.0.1:5102");

        await page.GetByTestId("resource-env-toggle-catalog-0").ClickAsync();
        var environment = page.GetByTestId("resource-env-catalog-0");
        await Assertions.Expect(environment).ToContainTextAsync("ASPNETCORE_URLS");
        await Assertions.Expect(environment).Not.ToContainTextAsync("s3cret");
        await page.GetByTestId("reveal-catalog-0-ConnectionStrings__catalogdb").ClickAsync();
        await Assertions.Expect(environment).ToContainTextAsync("Password=s3cret");
        await BrowserFixture.ScreenshotAsync(page, "resources");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Restart_button_posts_to_the_resource_service_and_the_state_follows_live()
    {
        var page = await LoggedInPageAsync();
        await Assertions.Expect(page.GetByTestId("resource-state-basket-0")).ToHaveTextAsync("Running", new() { Timeout = 15_000 });
        await page.EvaluateAsync(@"() => { window.__states = []; new MutationObserver(() => {
            const s = document.querySelector('[data-testid=""resource-state-basket-0""]')?.textContent;
            if (s && window.__states[window.__states.length - 1] !== s) window.__states.push(s); })
            .observe(document.getElementById('rows'), { childList: true, subtree: true }); }");

        await page.GetByTestId("resource-restart-basket-0").ClickAsync();

        await page.WaitForFunctionAsync("() => window.__states.includes('Starting') && window.__states[window.__states.length - 1] === 'Running'", null, new() { Timeout = 15_000 });
        Assert.Contains("basket-0:restart", _resourceService.Commands);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Console_logs_render_ansi_colour_and_new_lines_arrive_live_and_search_filters()
    {
        var page = await LoggedInPageAsync();

        await page.GotoAsync($"{_dashboard.UiUrl}/consolelogs?resource=catalog-0");
        var lines = page.GetByTestId("console-line");
        await Assertions.Expect(lines).ToHaveCountAsync(2, new() { Timeout = 15_000 });
        await Assertions.Expect(lines.First.Locator("span[style*='color']").First).ToHaveTextAsync("info");
        Assert.DoesNotContain("\u001b", await lines.First.InnerTextAsync(), StringComparison.Ordinal);

        _resourceService.AppendLog("catalog-0", "stdout", "order 42 accepted");
        await Assertions.Expect(lines).ToHaveCountAsync(3, new() { Timeout = 15_000 });
        await Assertions.Expect(lines.Last).ToContainTextAsync("order 42 accepted");

        await page.GetByTestId("console-search").FillAsync("refused");
        await Assertions.Expect(lines).ToHaveCountAsync(1);
        await Assertions.Expect(lines.First).ToContainTextAsync("connection refused");
        await BrowserFixture.ScreenshotAsync(page, "console-logs");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Command_for_unknown_resource_is_passed_through_as_404()
    {
        using var client = await _dashboard.CreateLoggedInClientAsync();

        using var response = await client.PostAsync("/api/resources/nope-0/commands/restart", null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private async Task<IPage> LoggedInPageAsync()
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1440, Height = 900 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync($"{_dashboard.UiUrl}/login?t={_dashboard.Settings.BrowserToken}");
        return page;
    }

    private static StandInResource Resource(string name, string displayName, int index, int count, string url) => new(
        name, displayName, "Project", "Running", "Healthy", 4000 + index, DateTimeOffset.UtcNow.AddMinutes(-3), index, count,
        [new StandInEndpoint("http", url)],
        [new StandInEnvironmentVariable("ASPNETCORE_URLS", url, false), new StandInEnvironmentVariable("ConnectionStrings__catalogdb", "Host=127.0.0.1;Password=s3cret", true)],
        ["catalogdb"],
        1);
}
