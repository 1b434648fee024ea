using System.Globalization;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Yarp.ReverseProxy.Transforms;
using Yarp.ReverseProxy.Transforms.Builder;

namespace Storefront.Proxy;

/// <summary>
/// The storefront as a backend-for-frontend: it signs the shopper in with OpenID Connect (authorization code + PKCE,
/// client <c>storefront</c> at the identity service) and keeps the tokens server-side, in its data-protected,
/// HttpOnly session cookie (SaveTokens). The browser never sees a token; the /api proxy puts the session's access
/// token on the requests it forwards to the gateway.
/// </summary>
public static class SignInExtensions
{
    public const string ClientId = "storefront";

    /// <summary>Sent by the page's own script on every unsafe /api call; without it a call goes out anonymous (CSRF).</summary>
    public const string ScriptHeader = "X-Storefront";

    public static IHostApplicationBuilder AddStorefrontSignIn(this IHostApplicationBuilder builder)
    {
        builder.Services.AddAuthentication(options =>
            {
                options.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                options.DefaultChallengeScheme = OpenIdConnectDefaults.AuthenticationScheme;
            })
            .AddCookie(cookie =>
            {
                cookie.Cookie.Name = "aspiremicro.storefront";
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Lax;
                // The access token lives an hour: the session does not outlive it (signing in again is one redirect
                // while the identity service's own session lasts).
                cookie.ExpireTimeSpan = TimeSpan.FromMinutes(55);
                cookie.SlidingExpiration = false;
                // An API call without a session is the gateway's business (401 there); the page asks /account/me.
                cookie.Events.OnRedirectToLogin = context =>
                {
                    context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    return Task.CompletedTask;
                };
            })
            .AddOpenIdConnect();
        // Read when the handler first runs, so test hosts can supply the identity service's address late.
        builder.Services.AddOptions<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme).Configure<IConfiguration>((oidc, configuration) =>
        {
            var authority = configuration["Auth:Authority"] ?? configuration["services:identity:https:0"] ?? configuration["services:identity:http:0"];
            oidc.Authority = authority;
            oidc.RequireHttpsMetadata = authority?.StartsWith("https://", StringComparison.OrdinalIgnoreCase) == true;
            oidc.ClientId = ClientId;
            oidc.ClientSecret = configuration["Auth:ClientSecret"];
            oidc.ResponseType = OpenIdConnectResponseType.Code;
            // A redirect back (GET), so the correlation and nonce cookies can be SameSite=Lax on plain HTTP too.
            oidc.ResponseMode = OpenIdConnectResponseMode.Query;
            oidc.UsePkce = true;
            oidc.SaveTokens = true;
            oidc.MapInboundClaims = false;
            oidc.GetClaimsFromUserInfoEndpoint = false;
            oidc.Scope.Clear();
            foreach (var scope in new[] { "openid", "profile", "roles", "api" })
            {
                oidc.Scope.Add(scope);
            }

            oidc.TokenValidationParameters.NameClaimType = "name";
            oidc.TokenValidationParameters.RoleClaimType = "role";
            oidc.CorrelationCookie.SameSite = SameSiteMode.Lax;
            oidc.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            oidc.NonceCookie.SameSite = SameSiteMode.Lax;
            oidc.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        builder.Services.AddAuthorization();
        return builder;
    }

    public static WebApplication MapSignIn(this WebApplication app)
    {
        app.MapGet("/account/login", (string? returnUrl) => Results.Challenge(
            new AuthenticationProperties { RedirectUri = IsLocal(returnUrl) ? returnUrl : "/" },
            [OpenIdConnectDefaults.AuthenticationScheme]));
        // POST only, from the page's own form: the session cookie is SameSite=Lax, so no other site can post it.
        app.MapPost("/account/logout", () => Results.SignOut(
            new AuthenticationProperties { RedirectUri = "/" },
            [CookieAuthenticationDefaults.AuthenticationScheme, OpenIdConnectDefaults.AuthenticationScheme]));
        // Who is signed in, for the page: never a token.
        app.MapGet("/account/me", (HttpContext context) => context.User.Identity?.IsAuthenticated == true
            ? Results.Ok(new { signedIn = true, name = context.User.Identity.Name, roles = context.User.FindAll("role").Select(r => r.Value) })
            : Results.Ok(new { signedIn = false, name = (string?)null, roles = Array.Empty<string>() }));
        return app;
    }

    /// <summary>
    /// On every forwarded /api request: the browser's own Authorization header is dropped, and the signed-in
    /// session's access token is put on instead (unsafe methods only when the page's script sent them).
    /// </summary>
    public static void AddAccessTokenTransform(TransformBuilderContext transforms) =>
        transforms.AddRequestTransform(async context =>
        {
            context.ProxyRequest.Headers.Authorization = null;
            var http = context.HttpContext;
            if (http.User.Identity?.IsAuthenticated != true)
            {
                return;
            }

            var method = http.Request.Method;
            var safe = HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method);
            if (!safe && !http.Request.Headers.ContainsKey(ScriptHeader))
            {
                return;
            }

            var token = await http.GetTokenAsync("access_token");
            var expiresAt = await http.GetTokenAsync("expires_at");
            if (token is null || (DateTimeOffset.TryParse(expiresAt, CultureInfo.InvariantCulture, DateTimeStyles.None, out var expires)
                                  && expires <= DateTimeOffset.UtcNow))
            {
                return;
            }

            context.ProxyRequest.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        });

    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal);
}
