using System.Globalization;
using System.Threading.RateLimiting;
using Gateway.Configuration;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Gateway.RateLimiting;

public static class ClientRateLimitingExtensions
{
    public const string ApiKeyHeader = "X-Api-Key";

    /// <summary>One fixed window per client: the API key when one is sent, otherwise the remote IP.</summary>
    public static IServiceCollection AddClientRateLimiting(this IServiceCollection services)
    {
        services.AddRateLimiter(limiter =>
        {
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                // Probes must never be throttled, or an orchestrator would restart a healthy gateway.
                if (context.Request.Path.StartsWithSegments("/health") || context.Request.Path.StartsWithSegments("/alive"))
                {
                    return RateLimitPartition.GetNoLimiter("probes");
                }

                var settings = context.RequestServices.GetRequiredService<IOptions<GatewayOptions>>().Value.RateLimit;
                return RateLimitPartition.GetFixedWindowLimiter(ClientKey(context), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = settings.PermitLimit,
                    Window = settings.Window,
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
            limiter.OnRejected = WriteRejectionAsync;
        });
        return services;
    }

    private static string ClientKey(HttpContext context)
    {
        var apiKey = context.Request.Headers[ApiKeyHeader].ToString();
        return apiKey.Length is > 0 and <= 128
            ? $"key:{apiKey}"
            : $"ip:{context.Connection.RemoteIpAddress?.ToString() ?? "unknown"}";
    }

    private static async ValueTask WriteRejectionAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait)
            ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds))
            : 1;
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests",
                Detail = $"Rate limit exceeded for this client. Retry after {retryAfter} s.",
            },
        });
    }
}
