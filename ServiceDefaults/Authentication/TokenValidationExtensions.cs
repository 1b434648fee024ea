using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// JWT bearer validation against the identity service, the same in the gateway and every API behind it: the authority
/// (and so the metadata, JWKS and issuer) is the identity service found by Aspire's service discovery
/// (<c>services__identity__http__0</c>), or <c>Auth:Authority</c>; the audience is <c>aspiremicro</c>. 401 and 403 are
/// ProblemDetails. Policies: <see cref="BuyerPolicy"/>, <see cref="AdminPolicy"/>, <see cref="OrdersCreatePolicy"/>.
/// </summary>
public static class TokenValidationExtensions
{
    public const string Audience = "aspiremicro";

    /// <summary>A person's token for the API (scope <c>api</c>): its <c>sub</c> is the buyer.</summary>
    public const string BuyerPolicy = "buyer";

    /// <summary>A person's token for the API with the <c>admin</c> role (catalog writes).</summary>
    public const string AdminPolicy = "admin";

    /// <summary>A service token with the scope <c>orders:create</c> (basket's checkout, client credentials).</summary>
    public const string OrdersCreatePolicy = "orders:create";

    public const string SubjectClaim = "sub";

    /// <summary>The caller's buyer id: the token's <c>sub</c>, never a path segment or a body field.</summary>
    public static string BuyerId(this ClaimsPrincipal user) =>
        user.FindFirstValue(SubjectClaim) ?? throw new InvalidOperationException("The buyer policy guarantees a sub claim.");

    public static TBuilder AddTokenValidation<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddProblemDetails();
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        builder.Services.AddHostedService<SigningKeysWarmUp>();
        // Read when the handler first runs, not now, so test hosts can supply the identity service's address late.
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme).Configure<IConfiguration>((options, configuration) =>
        {
            var authority = configuration["Auth:Authority"]
                ?? configuration["services:identity:https:0"]
                ?? configuration["services:identity:http:0"];
            options.Authority = authority;
            options.Audience = configuration["Auth:Audience"] ?? Audience;
            // Inside the app model the services talk plain HTTP; TLS ends at the ingress in a deployment.
            options.RequireHttpsMetadata = authority?.StartsWith("https://", StringComparison.OrdinalIgnoreCase) == true;
            options.MapInboundClaims = false;
            // A first metadata fetch that failed (identity still starting) is retried after this, not after 5 minutes.
            options.RefreshInterval = TimeSpan.FromSeconds(10);
            options.TokenValidationParameters.NameClaimType = "name";
            options.TokenValidationParameters.RoleClaimType = "role";
            options.TokenValidationParameters.ClockSkew = configuration.GetValue("Auth:ClockSkew", TimeSpan.FromSeconds(30));
            options.Events = new JwtBearerEvents
            {
                OnChallenge = async context =>
                {
                    context.HandleResponse();
                    context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    context.Response.Headers.WWWAuthenticate = context.Error is null ? "Bearer" : $"Bearer error=\"{context.Error}\"";
                    var detail = context.AuthenticateFailure switch
                    {
                        null => "This needs a valid access token (Authorization: Bearer ...).",
                        SecurityTokenExpiredException => "The access token has expired.",
                        _ => "The access token is not valid here.",
                    };
                    await WriteProblemAsync(context.HttpContext, StatusCodes.Status401Unauthorized, "Unauthorized", detail);
                },
                OnForbidden = context => WriteProblemAsync(
                    context.HttpContext, StatusCodes.Status403Forbidden, "Forbidden", "The access token does not allow this request."),
            };
        });

        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(BuyerPolicy, policy => policy.RequireAuthenticatedUser().RequireClaim(SubjectClaim).RequireAssertion(c => HasScope(c.User, "api")))
            .AddPolicy(AdminPolicy, policy => policy.RequireAuthenticatedUser().RequireAssertion(c => HasScope(c.User, "api")).RequireRole("admin"))
            .AddPolicy(OrdersCreatePolicy, policy => policy.RequireAuthenticatedUser().RequireAssertion(c => HasScope(c.User, "orders:create")));
        return builder;
    }

    private static bool HasScope(ClaimsPrincipal user, string scope) =>
        user.FindAll("scope").Any(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(scope, StringComparer.Ordinal));

    private static async Task WriteProblemAsync(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        if (context.RequestServices.GetService<IProblemDetailsService>() is not { } service
            || !await service.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem }))
        {
            await context.Response.WriteAsJsonAsync(problem, options: null, contentType: "application/problem+json");
        }
    }
}
