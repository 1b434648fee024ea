using System.Globalization;
using Identity.Api.Data;
using Identity.Api.Keys;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Identity.Api.Setup;

/// <summary>
/// Runs before the server listens: creates the schema, loads (or creates) the token keys, and seeds the admin role,
/// the demo users and the OAuth clients from configuration, updating them when a password or secret changed.
/// </summary>
public static class IdentitySetup
{
    public static async Task InitializeIdentityAsync(this WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(IdentitySetup).FullName!);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await InitializeOnceAsync(app.Services, timeout.Token);
                return;
            }
            catch (Exception ex) when (ex is Npgsql.NpgsqlException or InvalidOperationException { InnerException: Npgsql.NpgsqlException }
                                       && !timeout.IsCancellationRequested)
            {
                // The database may still be starting; the AppHost's WaitFor makes this rare.
                logger.LogWarning("identitydb not reachable yet (attempt {Attempt}): {Message}", attempt, ex.Message);
                await Task.Delay(TimeSpan.FromSeconds(1), timeout.Token);
            }
        }
    }

    private static async Task InitializeOnceAsync(IServiceProvider services, CancellationToken ct)
    {
        using var scope = services.CreateScope();
        var provider = scope.ServiceProvider;
        var db = provider.GetRequiredService<IdentityDb>();
        await db.Database.EnsureCreatedAsync(ct);
        await provider.GetRequiredService<TokenKeys>().LoadOrCreateAsync(db, TimeProvider.System, ct);

        var options = provider.GetRequiredService<IOptions<IdentityServiceOptions>>().Value;
        var roles = provider.GetRequiredService<RoleManager<IdentityRole>>();
        if (!await roles.RoleExistsAsync(IdentityNames.AdminRole))
        {
            Check(await roles.CreateAsync(new IdentityRole(IdentityNames.AdminRole)), "create the admin role");
        }

        var users = provider.GetRequiredService<UserManager<IdentityUser>>();
        await SeedUserAsync(users, options.Buyer, admin: false);
        await SeedUserAsync(users, options.Admin, admin: true);

        var applications = provider.GetRequiredService<IOpenIddictApplicationManager>();
        if (options.Storefront.Secret is { Length: > 0 } storefrontSecret && options.Storefront.Url is { } storefront)
        {
            await UpsertClientAsync(applications, new OpenIddictApplicationDescriptor
            {
                ClientId = IdentityNames.StorefrontClient,
                ClientSecret = storefrontSecret,
                ClientType = ClientTypes.Confidential,
                ConsentType = ConsentTypes.Implicit,
                DisplayName = "AspireMicro storefront",
                RedirectUris = { new Uri(storefront, "/signin-oidc") },
                PostLogoutRedirectUris = { new Uri(storefront, "/signout-callback-oidc") },
                Permissions =
                {
                    Permissions.Endpoints.Authorization, Permissions.Endpoints.Token, Permissions.Endpoints.EndSession,
                    Permissions.GrantTypes.AuthorizationCode, Permissions.GrantTypes.RefreshToken,
                    Permissions.ResponseTypes.Code,
                    Permissions.Scopes.Profile, Permissions.Scopes.Roles, Permissions.Prefixes.Scope + IdentityNames.ApiScope,
                },
                Requirements = { Requirements.Features.ProofKeyForCodeExchange },
            }, ct);
        }

        if (options.Basket.Secret is { Length: > 0 } basketSecret)
        {
            await UpsertClientAsync(applications, new OpenIddictApplicationDescriptor
            {
                ClientId = IdentityNames.BasketClient,
                ClientSecret = basketSecret,
                ClientType = ClientTypes.Confidential,
                DisplayName = "basket (checkout places orders)",
                Permissions =
                {
                    Permissions.Endpoints.Token, Permissions.GrantTypes.ClientCredentials,
                    Permissions.Prefixes.Scope + IdentityNames.OrdersCreateScope,
                },
            }, ct);
        }

        if (options.Test.Secret is { Length: > 0 } testSecret)
        {
            foreach (var (clientId, lifetime) in new[] { (IdentityNames.TestClient, (TimeSpan?)null), (IdentityNames.ShortLivedTestClient, IdentityNames.ShortLivedTokenLifetime) })
            {
                var descriptor = new OpenIddictApplicationDescriptor
                {
                    ClientId = clientId,
                    ClientSecret = testSecret,
                    ClientType = ClientTypes.Confidential,
                    DisplayName = "tests (password grant)",
                    Permissions =
                    {
                        Permissions.Endpoints.Token, Permissions.GrantTypes.Password,
                        Permissions.Scopes.Profile, Permissions.Scopes.Roles, Permissions.Prefixes.Scope + IdentityNames.ApiScope,
                    },
                };
                if (lifetime is { } value)
                {
                    descriptor.Settings[Settings.TokenLifetimes.AccessToken] = value.ToString("c", CultureInfo.InvariantCulture);
                }

                await UpsertClientAsync(applications, descriptor, ct);
            }
        }
    }

    private static async Task SeedUserAsync(UserManager<IdentityUser> users, IdentityServiceOptions.DemoUser demo, bool admin)
    {
        if (string.IsNullOrEmpty(demo.Password) || string.IsNullOrEmpty(demo.UserName))
        {
            return;
        }

        var user = await users.FindByNameAsync(demo.UserName);
        if (user is null)
        {
            user = new IdentityUser(demo.UserName);
            Check(await users.CreateAsync(user, demo.Password), $"create the demo user '{demo.UserName}'");
        }
        else if (!await users.CheckPasswordAsync(user, demo.Password))
        {
            // The AppHost's parameter changed (a kept data directory, a new secret): the parameter wins.
            Check(await users.RemovePasswordAsync(user), $"reset the password of '{demo.UserName}'");
            Check(await users.AddPasswordAsync(user, demo.Password), $"reset the password of '{demo.UserName}'");
        }

        if (admin && !await users.IsInRoleAsync(user, IdentityNames.AdminRole))
        {
            Check(await users.AddToRoleAsync(user, IdentityNames.AdminRole), $"make '{demo.UserName}' an admin");
        }
    }

    private static async Task UpsertClientAsync(IOpenIddictApplicationManager applications, OpenIddictApplicationDescriptor descriptor, CancellationToken ct)
    {
        if (await applications.FindByClientIdAsync(descriptor.ClientId!, ct) is { } existing)
        {
            await applications.UpdateAsync(existing, descriptor, ct);
        }
        else
        {
            await applications.CreateAsync(descriptor, ct);
        }
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not {what}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }
    }
}
