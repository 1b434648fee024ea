using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace Basket.Api.Configuration;

/// <summary>
/// Basket sits behind the gateway's 5 s timeout, so its calls to catalog and ordering must give up well
/// before that: a user waiting 5 s to be told "try later" is worse than an immediate 503.
/// </summary>
public static class FailFastResilienceExtensions
{
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(1.5);
    private static readonly TimeSpan TotalTimeout = TimeSpan.FromSeconds(2.5);

    /// <summary>Replaces the default resilience handler from ServiceDefaults with a short-budget one.</summary>
    public static IHttpClientBuilder AddFailFastResilience(this IHttpClientBuilder http)
    {
        // Stacking a second handler on the default one would nest two retry loops; removing is the only
        // supported way to replace it (evaluation API since 8.x, unchanged through 10.x).
#pragma warning disable EXTEXP0001
        http.RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        http.AddStandardResilienceHandler(options =>
        {
            options.TotalRequestTimeout.Timeout = TotalTimeout;
            options.AttemptTimeout.Timeout = AttemptTimeout;
            options.Retry.MaxRetryAttempts = 2;
            options.Retry.Delay = TimeSpan.FromMilliseconds(100);
            // Waiting out the callee's Retry-After (5 s) would blow the gateway's budget.
            options.Retry.ShouldRetryAfterHeader = false;
            options.Retry.ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome));
        });
        return http;
    }

    /// <summary>
    /// A 503 with Retry-After is the callee saying "my dependency is down, not me": retrying at once cannot
    /// help, so pass it on. Other transient failures (connection reset, 500, timeout of one attempt) are retried.
    /// </summary>
    private static bool ShouldRetry(Outcome<HttpResponseMessage> outcome) =>
        outcome.Result is { StatusCode: HttpStatusCode.ServiceUnavailable, Headers.RetryAfter: not null }
            ? false
            : HttpClientResiliencePredicates.IsTransient(outcome);
}
