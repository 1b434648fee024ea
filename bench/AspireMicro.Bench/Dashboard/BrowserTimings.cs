using System.Diagnostics;
using Microsoft.Playwright;

namespace AspireMicro.Bench.Dashboard;

/// <summary>Debian's chromium through Playwright (never downloaded): navigation start to the data being on screen.</summary>
public sealed class BrowserTimings : IAsyncDisposable
{
    /// <summary>
    /// Injected before any page script: notes on the page's own clock when the first trace row and the 500th span
    /// row enter the DOM. Playwright's own polling notices them later, by a lot on a loaded machine.
    /// </summary>
    private const string RowClock =
        """
        (() => {
          const observer = new MutationObserver(() => {
            if (window.__firstTraceRow === undefined && document.querySelector('[data-testid=trace-row]')) window.__firstTraceRow = performance.now();
            if (window.__allSpanRows === undefined && document.querySelectorAll('[data-testid=span-row]').length >= 500) window.__allSpanRows = performance.now();
          });
          observer.observe(document, { childList: true, subtree: true });
        })();
        """;

    private static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    private readonly Dictionary<string, IPage> _pages = new(StringComparer.Ordinal);

    private BrowserTimings(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        _browser = browser;
    }

    public static async Task<BrowserTimings> OpenAsync()
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = FindOnPath("chromium"),
            Headless = true,
            Args = ChromiumArgs,
        });
        return new BrowserTimings(playwright, browser);
    }

    /// <summary>
    /// One browser context (cookie jar) per dashboard: cookies ignore ports, so two dashboards on 127.0.0.1
    /// would overwrite each other's login cookie in a shared context.
    /// </summary>
    public async Task LoginAsync(string uiUrl, string token)
    {
        var context = await _browser.NewContextAsync();
        await context.AddInitScriptAsync(RowClock);
        var page = await context.NewPageAsync();
        await page.GotoAsync($"{uiUrl}/login?t={token}");
        _pages[uiUrl] = page;
    }

    /// <summary>
    /// The page's own clock (Navigation and Resource Timing), read after the data is on screen: when the HTML arrived,
    /// when scripts were done, when the JSON API call started and ended, and now. Shows where the milliseconds went.
    /// </summary>
    /// <summary>Navigation start to the rows being in the DOM, on the page's clock (see <see cref="RowClock"/>).</summary>
    public async Task<double> RowsInDomAsync(string uiUrl) =>
        await _pages[uiUrl].EvaluateAsync<double>("() => window.__firstTraceRow ?? window.__allSpanRows ?? -1");

    public async Task<string> BreakdownAsync(string uiUrl)
    {
        var timing = await _pages[uiUrl].EvaluateAsync<Dictionary<string, double>>(
            """
            () => {
              const nav = performance.getEntriesByType('navigation')[0];
              const api = performance.getEntriesByType('resource').filter(r => r.name.includes('/api/telemetry/traces'));
              const last = api[api.length - 1];
              return {
                html: nav.responseEnd, dom: nav.domContentLoadedEventEnd,
                apiStart: last ? last.startTime : -1, apiEnd: last ? last.responseEnd : -1,
                rows: window.__firstTraceRow ?? window.__allSpanRows ?? -1, seen: performance.now(),
              };
            }
            """);
        return string.Join(", ", timing.Select(kv => $"{kv.Key} {kv.Value:0}"));
    }

    /// <summary>The trace list: until the first row is rendered.</summary>
    public async Task<double> OpenTraceListAsync(string uiUrl)
    {
        var page = _pages[uiUrl];
        var clock = Stopwatch.StartNew();
        await page.GotoAsync($"{uiUrl}/traces", new PageGotoOptions { WaitUntil = WaitUntilState.Commit });
        await page.Locator("[data-testid=trace-row]").First.WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        return clock.Elapsed.TotalMilliseconds;
    }

    /// <summary>One trace: until every one of its span rows is in the DOM.</summary>
    public async Task<double> OpenTraceAsync(string uiUrl, string traceId, int spans)
    {
        var page = _pages[uiUrl];
        var clock = Stopwatch.StartNew();
        await page.GotoAsync($"{uiUrl}/traces/{traceId}", new PageGotoOptions { WaitUntil = WaitUntilState.Commit });
        await page.WaitForFunctionAsync(
            "n => document.querySelectorAll('[data-testid=span-row]').length >= n", spans,
            new PageWaitForFunctionOptions { Timeout = 30_000, PollingInterval = 5 });
        return clock.Elapsed.TotalMilliseconds;
    }

    private static string FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin").Split(':')
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists) ?? throw new FileNotFoundException($"{name} not on PATH (apt-get install chromium)");

    public async ValueTask DisposeAsync()
    {
        await _browser.CloseAsync();
        _playwright.Dispose();
    }
}
