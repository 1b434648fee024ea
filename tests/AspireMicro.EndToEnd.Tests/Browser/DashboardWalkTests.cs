using System.Diagnostics;
using AspireMicro.EndToEnd.Tests.Infrastructure;
using AspireMicro.Hosting.Orchestration;
using Microsoft.Playwright;

namespace AspireMicro.EndToEnd.Tests.Browser;

[Collection(SharedAppCollection.Name)]
public sealed class DashboardWalkTests(AppFixture fixture, ITestOutputHelper output) : IAsyncLifetime
{
    private const string Restarted = "basket";
    private Chromium _chromium = null!;

    public async Task InitializeAsync() => _chromium = await Chromium.LaunchAsync();

    public async Task DisposeAsync() => await _chromium.DisposeAsync();

    [Fact]
    public async Task The_dashboard_shows_every_resource_Healthy_a_checkout_trace_across_services_a_restart_and_live_logs()
    {
        var app = fixture.App;
        var page = await _chromium.NewPageAsync();
        await page.GotoAsync(fixture.Dashboard.LoginUrl);
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/resources$"));

        // Every instance the AppHost runs shows up Healthy.
        var instances = app.ResourceNotifications.GetCurrentSnapshots().Where(s => s.State == KnownResourceStates.Running).Select(s => s.Name).ToList();
        foreach (var name in instances)
        {
            await Assertions.Expect(page.GetByTestId($"resource-health-{name}")).ToHaveTextAsync("Healthy");
        }

        await Chromium.ScreenshotAsync(page, "dashboard-resources");
        output.WriteLine($"resources page: {instances.Count} instances Healthy ({string.Join(", ", instances)})");

        // A checkout with a known trace id, then its trace page.
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        var buyer = ShopClient.NewBuyer();
        var product = (await fixture.Shop.SearchAsync()).First(p => p.AvailableStock > 0);
        await fixture.Shop.AddToBasketAsync(buyer, product.Id, 1);
        using (var checkout = new HttpRequestMessage(HttpMethod.Post, $"/api/basket/{buyer}/checkout"))
        {
            checkout.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
            using var response = await fixture.Gateway.SendAsync(checkout);
            response.EnsureSuccessStatusCode();
        }

        await Eventually.GetAsync(() => fixture.Dashboard.GetTraceSpansAsync(traceId), s => s.Select(x => x.Service).Distinct().Count() >= 4,
            TimeSpan.FromSeconds(30), "the checkout trace to reach the dashboard");
        var tracePage = await _chromium.NewPageAsync();
        await tracePage.GotoAsync(fixture.Dashboard.LoginUrl);
        await tracePage.GotoAsync(new Uri(fixture.Dashboard.BaseAddress, $"/traces/{traceId}").ToString());
        await tracePage.GetByTestId("span-row").First.WaitForAsync();
        var services = (await tracePage.GetByTestId("span-row").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.service)")).Distinct().ToList();
        await Chromium.ScreenshotAsync(tracePage, "dashboard-checkout-trace");
        output.WriteLine($"trace page {traceId}: {await tracePage.GetByTestId("span-row").CountAsync()} span rows from {services.Count} services ({string.Join(", ", services)})");
        Assert.True(services.Count >= 3, $"only {services.Count} services in the trace");

        // Chromium allows 6 connections per host and every dashboard page holds server-sent-event streams open:
        // close the trace page before the console page opens its log stream.
        await tracePage.Context.CloseAsync();

        // Live console logs of the resource we are about to restart, in a second tab.
        var logs = await _chromium.NewPageAsync();
        await logs.GotoAsync(fixture.Dashboard.LoginUrl);
        await logs.GotoAsync(new Uri(fixture.Dashboard.BaseAddress, $"/consolelogs?resource={Restarted}").ToString());
        await logs.GetByTestId("console-line").First.WaitForAsync();
        var linesBefore = await logs.GetByTestId("console-line").CountAsync();

        // Record every state the badge shows: a restart can pass through Stopping/Starting in well under a second.
        await page.EvaluateAsync(@"name => {
            window.__states = [];
            const record = () => { const b = document.querySelector(`[data-testid=""resource-state-${name}""]`);
              const s = b && b.textContent; if (s && window.__states[window.__states.length - 1] !== s) window.__states.push(s); };
            new MutationObserver(record).observe(document.getElementById('rows'), { childList: true, subtree: true, characterData: true });
            record(); }", Restarted);
        var pidBefore = app.ResourceNotifications.TryGetSnapshot(Restarted)!.Pid;
        var watch = Stopwatch.StartNew();
        await page.GetByTestId($"resource-restart-{Restarted}").ClickAsync();
        await page.WaitForFunctionAsync("() => window.__states.length > 1 && window.__states[window.__states.length - 1] === 'Running'", null,
            new PageWaitForFunctionOptions { Timeout = 60_000 });
        await Assertions.Expect(page.GetByTestId($"resource-health-{Restarted}")).ToHaveTextAsync("Healthy", new LocatorAssertionsToHaveTextOptions { Timeout = 60_000 });
        var states = await page.EvaluateAsync<string[]>("() => window.__states");
        var pidAfter = app.ResourceNotifications.TryGetSnapshot(Restarted)!.Pid;
        await Chromium.ScreenshotAsync(page, "dashboard-after-restart");
        output.WriteLine($"restart of {Restarted} from the UI: states {string.Join(" → ", states)} in {watch.ElapsedMilliseconds} ms; pid {pidBefore} → {pidAfter}");

        await Assertions.Expect(logs.GetByTestId("console-line")).Not.ToHaveCountAsync(linesBefore);
        var linesAfter = await logs.GetByTestId("console-line").CountAsync();
        var newest = await logs.GetByTestId("console-line").Last.InnerTextAsync();
        await Chromium.ScreenshotAsync(logs, "dashboard-live-console");
        output.WriteLine($"console logs of {Restarted}: {linesBefore} lines before the restart, {linesAfter} after, newest: {newest}");

        Assert.NotEqual(pidBefore, pidAfter);
        Assert.Contains(states, s => s != "Running");
        Assert.True(linesAfter > linesBefore);
    }
}
