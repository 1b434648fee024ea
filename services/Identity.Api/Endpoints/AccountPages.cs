using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;

namespace Identity.Api.Endpoints;

/// <summary>
/// Sign-in, registration and sign-out as small server-rendered HTML forms, each with an antiforgery token (validated
/// on every POST). A successful sign-in sets ASP.NET Core Identity's cookie and returns to the local return URL,
/// usually the authorization request of the storefront, which then completes the code flow.
/// </summary>
public static class AccountPages
{
    public static IEndpointRouteBuilder MapAccountPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/account/login", (HttpContext context, string? returnUrl) => Page(context, "Sign in", LoginForm(context, returnUrl, null, null)));
        app.MapPost("/account/login", LoginAsync);
        app.MapGet("/account/register", (HttpContext context, string? returnUrl) => Page(context, "Create an account", RegisterForm(context, returnUrl, null, null)));
        app.MapPost("/account/register", RegisterAsync);
        app.MapPost("/account/logout", LogoutAsync);
        app.MapGet("/", (HttpContext context) => Page(context, "AspireMicro identity",
            context.User.Identity?.IsAuthenticated == true
                ? $"<p>Signed in as <strong data-testid=\"identity-user\">{Html(context.User.Identity.Name)}</strong>.</p>{LogoutForm(context)}"
                : "<p><a href=\"/account/login\">Sign in</a> or <a href=\"/account/register\">create an account</a>.</p>"));
        return app;
    }

    private static async Task<IResult> LoginAsync(HttpContext context, IAntiforgery antiforgery, SignInManager<IdentityUser> signIn)
    {
        if (await ReadValidFormAsync(context, antiforgery) is not { } form)
        {
            return BadForm();
        }

        var (userName, password, returnUrl) = (form["userName"].ToString().Trim(), form["password"].ToString(), form["returnUrl"].ToString());
        var result = userName.Length == 0 || password.Length == 0
            ? SignInResult.Failed
            : await signIn.PasswordSignInAsync(userName, password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return Results.LocalRedirect(LocalOrRoot(returnUrl));
        }

        var message = result.IsLockedOut ? "Too many failed attempts: try again in a few minutes." : "Wrong user name or password.";
        return Page(context, "Sign in", LoginForm(context, returnUrl, userName, message), StatusCodes.Status400BadRequest);
    }

    private static async Task<IResult> RegisterAsync(
        HttpContext context, IAntiforgery antiforgery, UserManager<IdentityUser> users, SignInManager<IdentityUser> signIn)
    {
        if (await ReadValidFormAsync(context, antiforgery) is not { } form)
        {
            return BadForm();
        }

        var (userName, password, returnUrl) = (form["userName"].ToString().Trim(), form["password"].ToString(), form["returnUrl"].ToString());
        var user = new IdentityUser(userName);
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            var message = string.Join(" ", created.Errors.Select(e => e.Description));
            return Page(context, "Create an account", RegisterForm(context, returnUrl, userName, message), StatusCodes.Status400BadRequest);
        }

        await signIn.SignInAsync(user, isPersistent: false);
        return Results.LocalRedirect(LocalOrRoot(returnUrl));
    }

    private static async Task<IResult> LogoutAsync(HttpContext context, IAntiforgery antiforgery, SignInManager<IdentityUser> signIn)
    {
        if (await ReadValidFormAsync(context, antiforgery) is null)
        {
            return BadForm();
        }

        await signIn.SignOutAsync();
        return Results.LocalRedirect("/");
    }

    private static async Task<IFormCollection?> ReadValidFormAsync(HttpContext context, IAntiforgery antiforgery)
    {
        if (!context.Request.HasFormContentType)
        {
            return null;
        }

        try
        {
            await antiforgery.ValidateRequestAsync(context);
        }
        catch (AntiforgeryValidationException)
        {
            return null;
        }

        return await context.Request.ReadFormAsync();
    }

    private static IResult BadForm() => Results.Problem(
        statusCode: StatusCodes.Status400BadRequest, title: "Invalid form",
        detail: "The form is missing or its antiforgery token is invalid: reload the page and try again.");

    private static string LocalOrRoot(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal)
            && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
            ? returnUrl
            : "/";

    private static string LoginForm(HttpContext context, string? returnUrl, string? userName, string? error) => $"""
        {Error(error)}
        <form method="post" action="/account/login" data-testid="login-form">
          {Antiforgery(context)}
          <input type="hidden" name="returnUrl" value="{Html(returnUrl)}">
          <label>User name <input name="userName" data-testid="login-user" autocomplete="username" required value="{Html(userName)}"></label>
          <label>Password <input name="password" type="password" data-testid="login-password" autocomplete="current-password" required></label>
          <button type="submit" data-testid="login-submit">Sign in</button>
        </form>
        <p>No account? <a data-testid="register-link" href="/account/register?returnUrl={Uri.EscapeDataString(returnUrl ?? "")}">Create one</a>.</p>
        """;

    private static string RegisterForm(HttpContext context, string? returnUrl, string? userName, string? error) => $"""
        {Error(error)}
        <form method="post" action="/account/register" data-testid="register-form">
          {Antiforgery(context)}
          <input type="hidden" name="returnUrl" value="{Html(returnUrl)}">
          <label>User name <input name="userName" data-testid="register-user" autocomplete="username" required value="{Html(userName)}"></label>
          <label>Password (at least 8 characters, a digit, upper and lower case) <input name="password" type="password" data-testid="register-password" autocomplete="new-password" required></label>
          <button type="submit" data-testid="register-submit">Create account</button>
        </form>
        <p>Have an account? <a href="/account/login?returnUrl={Uri.EscapeDataString(returnUrl ?? "")}">Sign in</a>.</p>
        """;

    private static string LogoutForm(HttpContext context) =>
        $"""<form method="post" action="/account/logout">{Antiforgery(context)}<button type="submit">Sign out</button></form>""";

    private static string Antiforgery(HttpContext context)
    {
        var tokens = context.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context);
        return $"""<input type="hidden" name="{Html(tokens.FormFieldName)}" value="{Html(tokens.RequestToken)}">""";
    }

    private static string Error(string? message) =>
        message is null ? string.Empty : $"""<p class="error" role="alert" data-testid="account-error">{Html(message)}</p>""";

    private static string Html(string? text) => HtmlEncoder.Default.Encode(text ?? string.Empty);

    private static IResult Page(HttpContext context, string title, string body, int status = StatusCodes.Status200OK)
    {
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers["X-Frame-Options"] = "DENY";
        return Results.Content($$"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <title>{{Html(title)}} · AspireMicro</title>
              <style>
                body { font-family: system-ui, sans-serif; max-width: 26rem; margin: 3rem auto; padding: 0 1rem; }
                label { display: block; margin: .8rem 0; }
                input { display: block; width: 100%; padding: .4rem; box-sizing: border-box; }
                button { padding: .5rem 1.2rem; }
                .error { color: #b00020; }
              </style>
            </head>
            <body>
              <h1>{{Html(title)}}</h1>
              {{body}}
            </body>
            </html>
            """, "text/html; charset=utf-8", statusCode: status);
    }
}
