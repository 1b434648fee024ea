using System.Runtime.CompilerServices;
using Analytics.Api.Projections;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Analytics.Api.Api;

public static class AnalyticsEndpoints
{
    /// <summary>Orders/min decays with time, so the stream also re-sends now and then without new events.</summary>
    private static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(5);

    /// <summary>Coalesces bursts: at most this many pushes per second.</summary>
    private static readonly TimeSpan MinPushInterval = TimeSpan.FromMilliseconds(250);

    public static IEndpointRouteBuilder MapAnalyticsEndpoints(this IEndpointRouteBuilder app)
    {
        var analytics = app.MapGroup("/api/analytics").WithTags("Analytics");
        analytics.MapGet("/summary", (SalesProjection projection) => TypedResults.Ok(projection.Snapshot()));
        analytics.MapGet("/stream", (SalesProjection projection, CancellationToken ct) =>
            TypedResults.ServerSentEvents(WatchAsync(projection, ct), eventType: "summary"));
        return app;
    }

    private static async IAsyncEnumerable<SalesSummary> WatchAsync(
        SalesProjection projection,
        [EnumeratorCancellation] CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            var summary = projection.Snapshot();
            yield return summary;

            await Task.Delay(MinPushInterval, ct);
            try
            {
                await projection.WaitForChangeAsync(summary.Version, ct).WaitAsync(RefreshInterval, ct);
            }
            catch (TimeoutException)
            {
                // Nothing new: push anyway so the per-minute figure stays current.
            }
        }
    }
}
