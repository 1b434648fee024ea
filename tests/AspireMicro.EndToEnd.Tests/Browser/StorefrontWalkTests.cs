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
    public async Task A_shopper_signs_in_searches_adds_to_basket_checks_out_and_sees_the_order_become_Paid()
    {
        var product = (await fixture.Shop.SearchAsync()).First(p => p.AvailableStock > 0);
        var term = product.Name.Split(' ')[0];
        var page = await _chromium.NewPageAsync();
        await page.GotoAsync(fixture.App.GetEndpoint("storefront").ToString());

        // Sign in: the storefront sends the browser to the identity service's page and gets it back (code + PKCE).
        await page.GetByTestId("sign-in").ClickAsync();
        await page.WaitForURLAsync(url => url.StartsWith(fixture.App.GetEndpoint("identity").ToString(), StringComparison.Ordinal));
        var signInPage = page.Url;
        await page.GetByTestId("login-user").FillAsync("buyer");
        await page.GetByTestId("login-password").FillAsync(AppFixture.DemoBuyerPassword);
        await page.GetByTestId("login-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("signed-in-user")).ToHaveTextAsync("buyer", new LocatorAssertionsToHaveTextOptions { Timeout = 30_000 });
        var tokensVisibleToScript = await page.EvaluateAsync<string>("() => document.cookie + JSON.stringify(localStorage) + JSON.stringify(sessionStorage)");

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
        var myOrder = page.GetByTestId("my-order").Filter(new LocatorFilterOptions { HasText = orderId.ToString() });
        await Assertions.Expect(myOrder).ToHaveCountAsync(1, new LocatorAssertionsToHaveCountOptions { Timeout = 30_000 });
        var screenshot = await Chromium.ScreenshotAsync(page, "storefront-order-paid");

        // The same order through the gateway with the buyer's own token (password grant of the test client).
        var buyer = await fixture.Identity.SignInAsync("buyer", AppFixture.DemoBuyerPassword);
        var order = await fixture.Shop.GetOrderAsync(buyer, orderId);
        output.WriteLine($"signed in through {new Uri(signInPage).GetLeftPart(UriPartial.Path)}; search '{term}' showed {found} products; orders placed from the browser 1, Paid per API: {order?.Status}; total {order?.Total}; buyer {order?.BuyerId} = token sub {buyer.Subject}; tokens readable by page script: {tokensVisibleToScript.Contains("eyJ", StringComparison.Ordinal)}; screenshot {screenshot}");
        Assert.Equal("Paid", order?.Status);
        Assert.Equal(product.Price, order!.Total);
        Assert.Equal(buyer.Subject, order.BuyerId);
        Assert.DoesNotContain("eyJ", tokensVisibleToScript, StringComparison.Ordinal);
    }
}
