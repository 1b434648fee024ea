using Aspire.Hosting;
using Aspire.Hosting.Testing;
using AspireMicro.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;

namespace AspireMicro.EndToEnd.Tests.Browser;

[Collection(SharedAppCollection.Name)]
public sealed class StorefrontWalkTests(AppFixture fixture, ITestOutputHelper output) : IAsyncLifetime
{
    private Chromium _chromium = null!;

    public async Task InitializeAsync() => _chromium = await Chromium.LaunchAsync();

    public async Task DisposeAsync() => await _chromium.DisposeAsync();

    [Fact]
    public async Task A_shopper_searches_adds_to_basket_checks_out_and_sees_the_order_become_Paid()
    {
        var product = (await fixture.Shop.SearchAsync()).First(p => p.AvailableStock > 0);
        var term = product.Name.Split(' ')[0];
        var page = await _chromium.NewPageAsync();
        await page.GotoAsync(fixture.App.GetEndpoint("storefront").ToString());

        await page.GetByTestId("search-input").FillAsync(term);
        await page.GetByTestId("search-button").ClickAsync();
        var card = page.GetByTestId("product-card").Filter(new LocatorFilterOptions { HasText = product.Name }).First;
        await card.WaitForAsync();
        var found = await page.GetByTestId("product-card").CountAsync();
        await card.GetByTestId("add-to-basket").ClickAsync();
        await Assertions.Expect(page.GetByTestId("basket-line")).ToHaveCountAsync(1);
        await Chromium.ScreenshotAsync(page, "storefront-basket");

        await page.GetByTestId("checkout-button").ClickAsync();
        await Assertions.Expect(page.GetByTestId("order-panel")).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = 30_000 });
        await Assertions.Expect(page.GetByTestId("order-status")).ToHaveTextAsync("Paid", new LocatorAssertionsToHaveTextOptions { Timeout = 60_000 });
        var orderId = Guid.Parse(await page.GetByTestId("order-id").InnerTextAsync());
        var screenshot = await Chromium.ScreenshotAsync(page, "storefront-order-paid");

        var order = await fixture.Shop.GetOrderAsync(orderId);
        output.WriteLine($"search '{term}' showed {found} products; orders placed from the browser 1, Paid per API: {order?.Status}; total {order?.Total}; screenshot {screenshot}");
        Assert.Equal("Paid", order?.Status);
        Assert.Equal(product.Price, order!.Total);
    }
}
