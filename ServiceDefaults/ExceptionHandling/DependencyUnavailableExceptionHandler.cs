using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// A database, cache or downstream service that is down or restarting is the server's problem, not the client's,
/// and not a bug either: answer 503 with Retry-After at once so callers (the gateway, the storefront) can degrade
/// instead of seeing a 500 or waiting on a hung request. What counts as such a failure is pluggable
/// (<see cref="IDependencyFailureClassifier"/>); the response is the same for every service.
/// </summary>
public sealed class DependencyUnavailableExceptionHandler(
    IProblemDetailsService problemDetails,
    IEnumerable<IDependencyFailureClassifier> classifiers,
    ILogger<DependencyUnavailableExceptionHandler> logger) : IExceptionHandler
{
    private const string RetryAfterSeconds = "5";

    // Last, so a service's own classifier can name the dependency behind a timeout or socket error.
    private readonly IDependencyFailureClassifier[] _classifiers = [.. classifiers, new ConnectionFailureClassifier()];

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (httpContext.Response.HasStarted || FailedDependency(exception) is not { } dependency)
        {
            return false;
        }

        logger.LogWarning("Dependency {Dependency} is unavailable: {Reason}", dependency, exception.GetBaseException().Message);
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = RetryAfterSeconds;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Service temporarily unavailable",
                Detail = $"This service cannot reach {dependency} right now. Please retry shortly.",
            },
        });
    }

    /// <summary>
    /// Outermost match wins, walking the inner exceptions: data-access and HTTP layers wrap the socket error,
    /// and a wrapper thrown on purpose (e.g. "ordering is unavailable") names the dependency best.
    /// </summary>
    private string? FailedDependency(Exception exception)
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            foreach (var classifier in _classifiers)
            {
                if (classifier.Classify(current) is { } dependency)
                {
                    return dependency;
                }
            }
        }

        return null;
    }
}
