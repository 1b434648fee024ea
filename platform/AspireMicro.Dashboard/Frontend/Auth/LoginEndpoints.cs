using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using AspireMicro.Dashboard.Configuration;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace AspireMicro.Dashboard.Frontend.Auth;

public static class LoginEndpoints
{
    public static IEndpointRouteBuilder MapLogin(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("").AllowAnonymous();
        group.MapGet("/login", LoginAsync);
        group.MapGet("/logout", async (HttpContext context) =>
        {
            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return TypedResults.Redirect("/login");
        });
        return endpoints;
    }

    private static async Task<Results<RedirectHttpResult, ContentHttpResult>> LoginAsync(
        HttpContext context, IOptions<FrontendOptions> options, string? t, string? returnUrl)
    {
        if (string.IsNullOrEmpty(t))
        {
            return LoginPage(returnUrl, error: null, StatusCodes.Status200OK);
        }

        if (!FixedTimeEquals(t, options.Value.BrowserToken))
        {
            return LoginPage(returnUrl, "That token is not valid for this dashboard.", StatusCodes.Status401Unauthorized);
        }

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, "browser")], CookieAuthenticationDefaults.AuthenticationScheme);
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
        // Only local paths: an absolute returnUrl would make /login an open redirect.
        var target = returnUrl is { Length: > 1 } && returnUrl[0] == '/' && returnUrl[1] != '/' && returnUrl[1] != '\\' ? returnUrl : "/";
        return TypedResults.Redirect(target);
    }

    private static bool FixedTimeEquals(string actual, string expected) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(actual), Encoding.UTF8.GetBytes(expected));

    private static ContentHttpResult LoginPage(string? returnUrl, string? error, int status)
    {
        var message = error is null ? "" : $"<p class=\"error\" data-testid=\"login-error\">{WebUtility.HtmlEncode(error)}</p>";
        var html = $$"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Login · AspireMicro dashboard</title>
            <style>
              body{font-family:system-ui,sans-serif;background:#1e1e2e;color:#e6e6f0;display:flex;align-items:center;justify-content:center;height:100vh;margin:0}
              form{background:#2a2a3d;padding:2rem;border-radius:8px;min-width:22rem}
              input{width:100%;padding:.5rem;margin:.5rem 0 1rem;box-sizing:border-box;background:#1e1e2e;color:inherit;border:1px solid #555;border-radius:4px}
              button{padding:.5rem 1rem;background:#7b68ee;color:#fff;border:0;border-radius:4px;cursor:pointer}
              .error{color:#ff7b7b}
            </style></head>
            <body><form method="get" action="/login" data-testid="login-form">
              <h1>AspireMicro dashboard</h1>
              <p>Enter the browser token printed by the AppHost or the dashboard console.</p>
              {{message}}
              <label for="t">Token</label>
              <input id="t" name="t" type="password" autocomplete="off" data-testid="login-token" autofocus>
              <input type="hidden" name="returnUrl" value="{{WebUtility.HtmlEncode(returnUrl ?? "/")}}">
              <button type="submit" data-testid="login-submit">Log in</button>
            </form></body></html>
            """;
        return TypedResults.Content(html, "text/html; charset=utf-8", Encoding.UTF8, status);
    }
}
