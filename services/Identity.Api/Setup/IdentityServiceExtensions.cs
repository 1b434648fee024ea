using Identity.Api.Data;
using Identity.Api.Keys;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Identity.Api.Setup;

public static class IdentityServiceExtensions
{
    public const string DatabaseConnectionName = "identitydb";

    public static IHostApplicationBuilder AddIdentityService(this IHostApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails();
        builder.Services.AddOptions<IdentityServiceOptions>().BindConfiguration(IdentityServiceOptions.SectionName);

        // Aspire's client (connection, health check, traces). Retries on: nothing here opens its own transaction.
        builder.AddNpgsqlDbContext<IdentityDb>(DatabaseConnectionName);

        // The sign-in cookie and antiforgery tokens stay valid across restarts: the key ring lives in identitydb.
        builder.Services.AddDataProtection().SetApplicationName("aspiremicro-identity").PersistKeysToDbContext<IdentityDb>();
        builder.Services.AddAntiforgery();

        builder.Services.AddIdentity<IdentityUser, IdentityRole>(options =>
            {
                options.Password.RequiredLength = 8;
                options.Password.RequireNonAlphanumeric = false;
                options.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._@+";
                options.Lockout.MaxFailedAccessAttempts = 10;
                // OpenIddict's claim names in the Identity cookie too, so both speak "sub", "name" and "role".
                options.ClaimsIdentity.UserIdClaimType = Claims.Subject;
                options.ClaimsIdentity.UserNameClaimType = Claims.Name;
                options.ClaimsIdentity.RoleClaimType = Claims.Role;
            })
            .AddEntityFrameworkStores<IdentityDb>()
            .AddDefaultTokenProviders();
        builder.Services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = "/account/login";
            cookie.LogoutPath = "/account/logout";
            cookie.Cookie.Name = "aspiremicro.identity";
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.HttpOnly = true;
        });

        builder.Services.AddAuthorization();
        builder.Services.AddSingleton<TokenKeys>();
        builder.Services.AddSingleton<IConfigureOptions<OpenIddictServerOptions>, TokenKeys.ConfigureServer>();
        var testClient = !string.IsNullOrEmpty(builder.Configuration[$"{IdentityServiceOptions.SectionName}:Test:Secret"]);
        builder.Services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<IdentityDb>())
            .AddServer(server =>
            {
                server.SetAuthorizationEndpointUris("connect/authorize")
                    .SetTokenEndpointUris("connect/token")
                    .SetEndSessionEndpointUris("connect/logout");
                server.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange()
                    .AllowRefreshTokenFlow()
                    .AllowClientCredentialsFlow();
                if (testClient)
                {
                    // Only for the test client (IdentityServiceOptions.Test); the AppHost never configures it.
                    server.AllowPasswordFlow();
                }

                server.RegisterScopes(Scopes.OpenId, Scopes.Profile, Scopes.Roles, IdentityNames.ApiScope, IdentityNames.OrdersCreateScope);
                // Plain signed JWTs, so every service validates them with JwtBearer against the JWKS.
                server.DisableAccessTokenEncryption();
                server.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough()
                    .EnableStatusCodePagesIntegration()
                    // TLS ends in front of the services (ingress, load balancer); inside the app model it is plain HTTP.
                    .DisableTransportSecurityRequirement();
            });
        builder.Services.AddOptions<OpenIddictServerOptions>().Configure<IOptions<IdentityServiceOptions>>((server, options) =>
        {
            if (options.Value.Issuer is { } issuer)
            {
                server.Issuer = issuer;
            }
        });
        return builder;
    }
}
