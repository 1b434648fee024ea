using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using AspireMicro.Api.Tests.Infrastructure;
using Storefront.Proxy;

namespace AspireMicro.Api.Tests.Storefront;

[Collection(ApiCollection.Name)]
public sealed class StorefrontTests(ApiFixture fixture)
{
    [Fact]
    public async Task Home_page_carries_the_test_ids_the_browser_walk_relies_on()
    {
        await using var storefront = StartStorefront(fixture.Gateway.Url);
        using var client = storefront.CreateHttpClient();

        var html = await client.GetStringAsync("/");

        foreach (var id in new[] { "search-input", "search-button", "product-list", "basket", "checkout-button", "order-status", "sales-panel", "catalog-error", "sign-in", "signed-in-user", "my-orders" })
        {
            Assert.Contains($"data-testid=\"{id}\"", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Api_calls_go_same_origin_through_the_gateway()
    {
        await using var storefront = StartStorefront(fixture.Gateway.Url);
        using var client = storefront.CreateHttpClient();

        var response = await client.GetAsync("/api/catalog/items?pageSize=3&q=tent");

        response.EnsureSuccessStatusCode();
        Assert.True(response.Headers.Contains("X-Correlation-Id"), "the gateway stamped the response");
        var page = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(3, page.GetProperty("data").GetArrayLength());
    }

    [Fact]
    public async Task Without_a_session_the_page_is_told_nobody_is_signed_in_and_sign_in_redirects_to_the_identity_service()
    {
        await using var storefront = StartStorefront(fixture.Gateway.Url);
        using var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = storefront.BaseAddress };

        var me = await client.GetFromJsonAsync<JsonElement>("/account/me");
        using var signIn = await client.GetAsync("/account/login?returnUrl=/");

        Assert.False(me.GetProperty("signedIn").GetBoolean());
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var location = signIn.Headers.Location!;
        Assert.StartsWith(fixture.Identity.Url + "/connect/authorize", location.ToString(), StringComparison.Ordinal);
        Assert.Contains("code_challenge_method=S256", location.Query, StringComparison.Ordinal);
        Assert.Contains("client_id=storefront", location.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unreachable_gateway_gives_the_page_a_503_problem_it_can_show()
    {
        int deadPort;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            deadPort = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        await using var storefront = StartStorefront($"http://127.0.0.1:{deadPort}");
        using var client = storefront.CreateHttpClient();

        var response = await client.GetAsync("/api/catalog/items");

        await response.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Contains("data-testid", await client.GetStringAsync("/"), StringComparison.Ordinal);
    }

    /// <summary>Configured as the AppHost does: the gateway, and the identity service it signs shoppers in with.</summary>
    private ServiceHost<GatewayProxyConfigProvider> StartStorefront(string gatewayUrl) =>
        new(fixture.WithIdentity(new Dictionary<string, string?> { ["services:gateway:http:0"] = gatewayUrl }));
}
