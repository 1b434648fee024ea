using System.Security.Claims;
using Identity.Api.Setup;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Identity.Api.Endpoints;

/// <summary>
/// The OpenID Connect endpoints OpenIddict passes through to us (it has validated the client, redirect URI, PKCE,
/// grant and scopes before): authorization (code flow, after the user signed in), token (code, refresh, client
/// credentials, and the test-only password grant) and end-session.
/// </summary>
public static class ConnectEndpoints
{
    public static IEndpointRouteBuilder MapConnectEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/connect/authorize", [HttpMethods.Get, HttpMethods.Post], AuthorizeAsync);
        app.MapPost("/connect/token", TokenAsync);
        app.MapMethods("/connect/logout", [HttpMethods.Get, HttpMethods.Post], EndSessionAsync);
        return app;
    }

    private static async Task<IResult> AuthorizeAsync(HttpContext context, UserManager<IdentityUser> users)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        var signedIn = await context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        if (!signedIn.Succeeded || request.HasPromptValue(PromptValues.Login))
        {
            if (request.HasPromptValue(PromptValues.None))
            {
                return Forbid(Errors.LoginRequired, "The user is not signed in.");
            }

            // To the sign-in page, which comes back to this same authorization request.
            var parameters = context.Request.HasFormContentType ? context.Request.Form.ToList() : context.Request.Query.ToList();
            parameters.RemoveAll(p => p.Key == Parameters.Prompt);
            return Results.Challenge(
                new AuthenticationProperties { RedirectUri = context.Request.PathBase + context.Request.Path + QueryString.Create(parameters) },
                [IdentityConstants.ApplicationScheme]);
        }

        var user = await users.GetUserAsync(signedIn.Principal!);
        if (user is null)
        {
            return Forbid(Errors.LoginRequired, "The signed-in user no longer exists.");
        }

        return Results.SignIn(await PrincipalForUserAsync(users, user, request.GetScopes()), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static async Task<IResult> TokenAsync(HttpContext context, UserManager<IdentityUser> users, SignInManager<IdentityUser> signIn)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        if (request.IsClientCredentialsGrantType())
        {
            // A service acting as itself (basket placing an order): the subject is the client.
            var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
            identity.SetClaim(Claims.Subject, request.ClientId).SetClaim(Claims.Name, request.ClientId);
            identity.SetScopes(request.GetScopes());
            identity.SetResources(IdentityNames.ApiAudience);
            identity.SetDestinations(_ => [Destinations.AccessToken]);
            return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }

        if (request.IsPasswordGrantType())
        {
            // Only the test client may use this grant, and only when the tests configured it (IdentityServiceOptions.Test).
            var user = await users.FindByNameAsync(request.Username ?? string.Empty);
            if (user is null || !(await signIn.CheckPasswordSignInAsync(user, request.Password ?? string.Empty, lockoutOnFailure: true)).Succeeded)
            {
                return Forbid(Errors.InvalidGrant, "Wrong user name or password.");
            }

            return Results.SignIn(await PrincipalForUserAsync(users, user, request.GetScopes()), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }

        if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
        {
            var granted = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            var user = granted.Principal?.GetClaim(Claims.Subject) is { } id ? await users.FindByIdAsync(id) : null;
            if (user is null || !await signIn.CanSignInAsync(user))
            {
                return Forbid(Errors.InvalidGrant, "The user no longer exists or may not sign in.");
            }

            return Results.SignIn(await PrincipalForUserAsync(users, user, granted.Principal!.GetScopes()), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }

        return Forbid(Errors.UnsupportedGrantType, "This grant type is not supported.");
    }

    private static async Task<IResult> EndSessionAsync(HttpContext context, SignInManager<IdentityUser> signIn)
    {
        await signIn.SignOutAsync();
        // OpenIddict redirects to the client's registered post_logout_redirect_uri.
        return Results.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }

    /// <summary>
    /// sub = the user's id (the buyer everywhere else), name and roles. The access token gets the audience of the API
    /// only when the "api" scope was granted: a token asked for without it is refused by every service.
    /// </summary>
    private static async Task<ClaimsPrincipal> PrincipalForUserAsync(
        UserManager<IdentityUser> users, IdentityUser user, System.Collections.Immutable.ImmutableArray<string> scopes)
    {
        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, await users.GetUserIdAsync(user))
            .SetClaim(Claims.Name, await users.GetUserNameAsync(user))
            .SetClaims(Claims.Role, [.. await users.GetRolesAsync(user)]);
        identity.SetScopes(scopes);
        if (scopes.Contains(IdentityNames.ApiScope))
        {
            identity.SetResources(IdentityNames.ApiAudience);
        }

        identity.SetDestinations(claim => claim.Type switch
        {
            Claims.Name or Claims.Role => [Destinations.AccessToken, Destinations.IdentityToken],
            _ => [Destinations.AccessToken],
        });
        return new ClaimsPrincipal(identity);
    }

    private static IResult Forbid(string error, string description) => Results.Forbid(
        new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }),
        [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}
