using Aspire.Hosting;
using Aspire.Hosting.Testing;
using AspireMicro.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;

namespace AspireMicro.EndToEnd.Tests.Browser;

/// <summary>The API reference a developer opens from the dashboard: Scalar on the gateway, rendering each document.</summary>
[Collection(SharedAppCollection.Name)]
public sealed class ApiReferencePageTests(AppFixture fixture, ITestOutputHelper output) : IAsyncLifetime
{
    private Chromium _chromium = null!;

    public async Task InitializeAsync() => _chromium = await Chromium.LaunchAsync();

    public async Task DisposeAsync() => await _chromium.DisposeAsync();

    [Fact]
    public async Task The_api_reference_on_the_gateway_renders_the_public_routes_of_each_service()
    {
        var page = await _chromium.NewPageAsync();
        var reference = new Uri(fixture.App.GetEndpoint("gateway"), "/scalar/");
        await page.GotoAsync(reference.ToString());

        // The first document (alphabetical: analytics) renders with its title from the service's own OpenAPI info.
        await page.GetByText("Analytics API").First.WaitForAsync();
        var loaded = await page.EvaluateAsync<string[]>(
            "() => performance.getEntriesByType('resource').map(e => new URL(e.name).pathname).filter(p => p.startsWith('/openapi/'))");
        var screenshot = await Chromium.ScreenshotAsync(page, "api-reference");
        output.WriteLine($"{reference} rendered 'Analytics API'; documents fetched: {string.Join(", ", loaded.Distinct())}; screenshot {screenshot}");
        Assert.Contains("/openapi/analytics.json", loaded);
    }
}
