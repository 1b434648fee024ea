using System.Text.RegularExpressions;
using AspireMicro.Dashboard.Tests.Infrastructure;
using Microsoft.Playwright;
using OpenTelemetry.Exporter;

namespace AspireMicro.Dashboard.Tests.Browser;

/// <summary>The pages in a real browser: login, traces + waterfall, live structured logs, metrics.</summary>
public sealed class DashboardPagesTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static readonly LocatorAssertionsToBeVisibleOptions Soon = new() { Timeout = 15_000 };

    [Fact]
    public async Task Page_without_token_redirects_to_login_form()
    {
        var context = await fixture.Browser.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync($"{fixture.Dashboard.UiUrl}/traces");

        Assert.StartsWith($"{fixture.Dashboard.UiUrl}/login", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.GetByTestId("login-form")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "login");
        await context.CloseAsync();
    }

    [Fact]
    public async Task Login_form_with_token_opens_the_page_asked_for()
    {
        var context = await fixture.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync($"{fixture.Dashboard.UiUrl}/traces");

        await page.GetByTestId("login-token").FillAsync(fixture.Dashboard.Settings.BrowserToken);
        await page.GetByTestId("login-submit").ClickAsync();

        await page.WaitForURLAsync($"{fixture.Dashboard.UiUrl}/traces");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Traces" })).ToBeVisibleAsync();
        await context.CloseAsync();
    }

    [Fact]
    public async Task Token_url_logs_in_and_standalone_resources_page_says_there_is_no_resource_service()
    {
        var page = await fixture.LoggedInPageAsync();

        Assert.Equal($"{fixture.Dashboard.UiUrl}/resources", page.Url);
        await Assertions.Expect(page.GetByTestId("no-resource-service")).ToBeVisibleAsync(Soon);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Traces_page_lists_an_ingested_trace_and_its_waterfall_shows_spans_from_three_services()
    {
        var (request, traceId) = OtlpPayloads.DistributedTrace("POST /checkout");
        using var client = new HttpClient();
        (await OtlpHttpSender.PostAsync(client, fixture.Dashboard.HttpUrl + "/v1/traces", request, fixture.Dashboard.Settings.ApiKey)).Dispose();
        var page = await fixture.LoggedInPageAsync();

        await page.GotoAsync($"{fixture.Dashboard.UiUrl}/traces");
        var row = page.Locator($"[data-testid=trace-row][data-trace-id='{traceId}']");
        await Assertions.Expect(row).ToBeVisibleAsync(Soon);
        await Assertions.Expect(row).ToContainTextAsync("POST /checkout");
        await BrowserFixture.ScreenshotAsync(page, "traces");
        await row.GetByTestId("trace-link").ClickAsync();

        await page.WaitForURLAsync($"{fixture.Dashboard.UiUrl}/traces/{traceId}");
        var spans = page.GetByTestId("span-row");
        await Assertions.Expect(spans).ToHaveCountAsync(5, new() { Timeout = 15_000 });
        var services = new HashSet<string>();
        foreach (var span in await spans.AllAsync())
        {
            services.Add((await span.GetAttributeAsync("data-service"))!);
        }

        Assert.Superset(new HashSet<string> { "gateway", "catalog", "orders" }, services);
        await spans.Filter(new() { HasText = "orders.events receive" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("span-status")).ToContainTextAsync("Error");
        await BrowserFixture.ScreenshotAsync(page, "trace-waterfall");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Log_line_appears_live_on_the_structured_logs_page_without_reload()
    {
        var page = await fixture.LoggedInPageAsync();
        await page.GotoAsync($"{fixture.Dashboard.UiUrl}/structuredlogs");
        await Assertions.Expect(page.GetByTestId("live-status")).ToContainTextAsync("live", new() { Timeout = 15_000 });
        var marker = "live-" + Guid.NewGuid().ToString("N")[..8];
        var navigations = 0;
        page.FrameNavigated += (_, frame) => navigations += frame == page.MainFrame ? 1 : 0;

        new RealExporters(fixture.Dashboard, OtlpExportProtocol.Grpc, fixture.Dashboard.Settings.ApiKey)
            .SendLog("live-logs", "Payment {Marker} declined", marker);

        await Assertions.Expect(page.GetByTestId("log-message").Filter(new() { HasText = $"Payment {marker} declined" })).ToBeVisibleAsync(Soon);
        Assert.Equal(0, navigations);
        await BrowserFixture.ScreenshotAsync(page, "structured-logs");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Log_with_trace_id_links_to_its_trace()
    {
        var (request, traceId) = OtlpPayloads.DistributedTrace("GET /linked");
        var logs = OtlpPayloads.Logs("linked-logs", "correlated line");
        logs.ResourceLogs[0].ScopeLogs[0].LogRecords[0].TraceId = Google.Protobuf.ByteString.CopyFrom(Convert.FromHexString(traceId));
        using var client = new HttpClient();
        (await OtlpHttpSender.PostAsync(client, fixture.Dashboard.HttpUrl + "/v1/traces", request, fixture.Dashboard.Settings.ApiKey)).Dispose();
        (await OtlpHttpSender.PostAsync(client, fixture.Dashboard.HttpUrl + "/v1/logs", logs, fixture.Dashboard.Settings.ApiKey)).Dispose();
        var page = await fixture.LoggedInPageAsync();

        await page.GotoAsync($"{fixture.Dashboard.UiUrl}/structuredlogs?resource=linked-logs");
        await page.GetByTestId("log-trace-link").First.ClickAsync();

        await page.WaitForURLAsync(new Regex($"/traces/{traceId}"));
        await Assertions.Expect(page.GetByTestId("span-row")).ToHaveCountAsync(5, new() { Timeout = 15_000 });
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Metrics_page_charts_a_histogram_with_percentile_lines()
    {
        new RealExporters(fixture.Dashboard, OtlpExportProtocol.HttpProtobuf, fixture.Dashboard.Settings.ApiKey)
            .SendMetrics("metrics-ui", "ui.requests", "ui.latency");
        var page = await fixture.LoggedInPageAsync();

        await page.GotoAsync($"{fixture.Dashboard.UiUrl}/metrics?resource=metrics-ui&instrument=ui.latency");

        await Assertions.Expect(page.GetByTestId("metrics-title")).ToContainTextAsync("ui.latency", new() { Timeout = 15_000 });
        await Assertions.Expect(page.GetByTestId("metrics-line")).ToHaveCountAsync(3);
        await Assertions.Expect(page.GetByTestId("metrics-legend")).ToContainTextAsync("p99");
        await BrowserFixture.ScreenshotAsync(page, "metrics");
        await page.Context.CloseAsync();
    }
}
