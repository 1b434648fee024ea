using Basket.Api.Catalog;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using StackExchange.Redis;

namespace Basket.Api.Endpoints;

/// <summary>Redis, catalog or ordering being down is a 503 the client may retry, not a 500.</summary>
public sealed class DependencyExceptionHandler(IProblemDetailsService problemDetails, ILogger<DependencyExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var dependency = exception switch
        {
            DependencyUnavailableException d => d.Dependency,
            RedisException or RedisTimeoutException => "redis",
            _ => null,
        };
        if (dependency is null)
        {
            return false;
        }

        logger.LogWarning(exception, "Dependency {Dependency} unavailable", dependency);
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = "5";
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Service temporarily unavailable",
                Detail = $"The basket service cannot reach {dependency} right now. Please retry shortly.",
            },
        });
    }
}
