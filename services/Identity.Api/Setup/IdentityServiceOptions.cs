namespace Identity.Api.Setup;

/// <summary>The <c>Identity</c> section: the issuer, the seeded demo users and the registered clients.</summary>
public sealed class IdentityServiceOptions
{
    public const string SectionName = "Identity";

    /// <summary>
    /// The one issuer every token carries (the identity service's URL as the other services are given it), so tokens
    /// obtained through any route validate. Empty: the URL of each request (fine for a single-address test host).
    /// </summary>
    public Uri? Issuer { get; set; }

    public DemoUser Buyer { get; set; } = new() { UserName = "buyer" };

    public DemoUser Admin { get; set; } = new() { UserName = "admin" };

    public StorefrontClient Storefront { get; set; } = new();

    public ConfidentialClient Basket { get; set; } = new();

    /// <summary>
    /// A password-grant client for tests only: registered, and the password grant enabled at all, only when a
    /// secret is configured (the test fixtures set it; the AppHost never does).
    /// </summary>
    public ConfidentialClient Test { get; set; } = new();

    public sealed class DemoUser
    {
        public string UserName { get; set; } = string.Empty;

        /// <summary>Empty: the user is not seeded.</summary>
        public string? Password { get; set; }
    }

    public class ConfidentialClient
    {
        public string? Secret { get; set; }
    }

    public sealed class StorefrontClient : ConfidentialClient
    {
        /// <summary>The storefront's base URL; its redirect URIs are <c>/signin-oidc</c> and <c>/signout-callback-oidc</c>.</summary>
        public Uri? Url { get; set; }
    }
}

/// <summary>Client ids, scopes and the audience shared by the identity service and the services that trust it.</summary>
public static class IdentityNames
{
    public const string StorefrontClient = "storefront";
    public const string BasketClient = "basket";
    public const string TestClient = "test-client";

    /// <summary>The same test client, but its access tokens expire after <see cref="ShortLivedTokenLifetime"/>.</summary>
    public const string ShortLivedTestClient = "test-client-short";

    public static readonly TimeSpan ShortLivedTokenLifetime = TimeSpan.FromSeconds(2);

    public const string AdminRole = "admin";

    /// <summary>The public API (gateway, basket, ordering, catalog): gives the token the audience <see cref="ApiAudience"/>.</summary>
    public const string ApiScope = "api";

    /// <summary>Creating orders: basket's client-credentials token for ordering.</summary>
    public const string OrdersCreateScope = "orders:create";

    public const string ApiAudience = "aspiremicro";
}
