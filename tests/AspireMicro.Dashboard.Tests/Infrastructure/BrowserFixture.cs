using Microsoft.Playwright;

namespace AspireMicro.Dashboard.Tests.Infrastructure;

/// <summary>
/// Headless Debian chromium driven by Playwright, plus one dashboard process. The browser is never
/// downloaded: the executable is resolved from PATH.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public DashboardProcess Dashboard { get; private set; } = null!;

    public static string ScreenshotDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        Dashboard = await DashboardProcess.StartAsync(new DashboardSettings());
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(LaunchOptions());
    }

    public static BrowserTypeLaunchOptions LaunchOptions() => new()
    {
        ExecutablePath = FindOnPath("chromium"),
        Headless = true,
        Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    };

    /// <summary>A fresh browser context (own cookies) that is already logged in via the token URL.</summary>
    public async Task<IPage> LoggedInPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1440, Height = 900 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync($"{Dashboard.UiUrl}/login?t={Dashboard.Settings.BrowserToken}");
        return page;
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, name + ".png"), FullPage = true });

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        await Dashboard.DisposeAsync();
    }

    private static string FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException($"{name} is not on PATH; browser tests need Debian's chromium (no downloads).");
}
