using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace Basket.Api.Configuration;

/// <summary>
/// Basket sits behind the gateway's 5 s timeout, so its calls to catalog and ordering must give up well
/// before that (budgets: <see cref="BasketOptions.DownstreamAttemptTimeout"/>, <see cref="BasketOptions.DownstreamTotalTimeout"/>).
/// </summary>
public static class FailFastResilienceExtensions
{
    /// <summary>Replaces the default resilience handler from ServiceDefaults with a short-budget one.</summary>
    public static IHttpClientBuilder AddFailFastResilience(this IHttpClientBuilder http)
    {
        // Stacking a second handler on the default one would nest two retry loops; removing is the only
        // supported way to replace it (evaluation API since 8.x, unchanged through 10.x).
#pragma warning disable EXTEXP0001
        http.RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        http.AddStandardResilienceHandler().Configure((options, services) =>
        {
            var budget = services.GetRequiredService<IOptions<BasketOptions>>().Value;
            options.TotalRequestTimeout.Timeout = budget.DownstreamTotalTimeout;
            options.AttemptTimeout.Timeout = budget.DownstreamAttemptTimeout;
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
