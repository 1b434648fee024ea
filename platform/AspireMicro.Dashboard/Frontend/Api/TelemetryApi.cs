using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using AspireMicro.Dashboard.Telemetry.Model;
using AspireMicro.Dashboard.Telemetry.Queries;
using AspireMicro.Dashboard.Telemetry.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AspireMicro.Dashboard.Frontend.Api;

/// <summary>JSON API behind the pages (cookie-protected like the pages themselves).</summary>
public static class TelemetryApi
{
    private const int MaxPageSize = 500;

    public static IEndpointRouteBuilder MapTelemetryApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/telemetry");
        group.MapGet("/summary", (TelemetryStore store) => TypedResults.Ok(store.Counts()));
        group.MapGet("/resources", (TelemetryStore store) => TypedResults.Ok(store.Resources()));
        group.MapDelete("/", (TelemetryStore store) =>
        {
            store.Clear();
            return TypedResults.NoContent();
        });
        group.MapGet("/changes", (TelemetryStore store, CancellationToken ct) =>
            TypedResults.ServerSentEvents(Changes(store.Changes, ct)));
        group.MapGet("/traces", ListTraces);
        group.MapGet("/traces/{traceId}", GetTrace);
        group.MapGet("/logs", ListLogs);
        group.MapGet("/metrics/instruments", (TelemetryStore store, string? service) => TypedResults.Ok(store.Instruments(service)));
        group.MapGet("/metrics/chart", GetChart);
        return endpoints;
    }

    private static Results<Ok<Page<TraceSummary>>, ValidationProblem> ListTraces(
        TelemetryStore store, string? service, string? search, string? errorsOnly, string? skip, string? take)
    {
        var validation = new ApiValidation();
        var skipValue = validation.Int("skip", skip, 0, 0, int.MaxValue);
        var takeValue = validation.Int("take", take, 50, 1, MaxPageSize);
        var errors = validation.Bool("errorsOnly", errorsOnly);
        if (!validation.IsValid)
        {
            return validation.Problem();
        }

        return TypedResults.Ok(store.Traces(new TraceQuery(service, search, errors, skipValue, takeValue)));
    }

    private static Results<Ok<TraceDetail>, NotFound, ValidationProblem> GetTrace(TelemetryStore store, string traceId)
    {
        var validation = new ApiValidation();
        validation.HexId("traceId", traceId, 32);
        if (!validation.IsValid)
        {
            return validation.Problem();
        }

        var spans = store.Trace(traceId);
        return spans is null ? TypedResults.NotFound() : TypedResults.Ok(new TraceDetail(traceId, spans));
    }

    private static Results<Ok<Page<LogEntry>>, ValidationProblem> ListLogs(
        TelemetryStore store, string? service, string? level, string? search, string? attribute, string? traceId, string? skip, string? take)
    {
        var validation = new ApiValidation();
        var skipValue = validation.Int("skip", skip, 0, 0, int.MaxValue);
        var takeValue = validation.Int("take", take, 100, 1, MaxPageSize);
        validation.HexId("traceId", string.IsNullOrEmpty(traceId) ? null : traceId, 32);
        var minSeverity = LogLevels.MinimumSeverity(level);
        if (minSeverity is null)
        {
            validation.Fail("level", $"level must be one of {string.Join(", ", LogLevels.Names)}.");
        }

        if (!validation.IsValid)
        {
            return validation.Problem();
        }

        // attribute is "key" or "key=value" (value matched as a substring).
        var (attributeKey, attributeValue) = SplitAttribute(attribute);
        var query = new LogQuery(service, minSeverity!.Value, search, attributeKey, attributeValue, string.IsNullOrEmpty(traceId) ? null : traceId, skipValue, takeValue);
        return TypedResults.Ok(store.Logs(query));
    }

    private static Results<Ok<MetricChart>, NotFound, ValidationProblem> GetChart(
        TelemetryStore store, string? service, string? instrument, string? minutes, string? series)
    {
        var validation = new ApiValidation();
        validation.Required("service", service);
        validation.Required("instrument", instrument);
        var window = validation.Int("minutes", minutes, 5, 1, 24 * 60);
        if (!validation.IsValid)
        {
            return validation.Problem();
        }

        var since = DateTimeOffset.UtcNow.AddMinutes(-window).ToUnixTimeMilliseconds() * 1_000_000;
        var chart = store.Chart(service!, instrument!, since, series);
        return chart is null ? TypedResults.NotFound() : TypedResults.Ok(chart);
    }

    private static (string? Key, string? Value) SplitAttribute(string? attribute)
    {
        if (string.IsNullOrWhiteSpace(attribute))
        {
            return (null, null);
        }

        var index = attribute.IndexOf('=', StringComparison.Ordinal);
        return index < 0 ? (attribute.Trim(), null) : (attribute[..index].Trim(), attribute[(index + 1)..].Trim());
    }

    /// <summary>One "changed" event per burst of ingestion, at most ~3 per second, so pages refresh live but calmly.</summary>
    private static async IAsyncEnumerable<SseItem<long>> Changes(ChangeNotifier changes, [EnumeratorCancellation] CancellationToken ct)
    {
        var version = changes.Version;
        yield return new SseItem<long>(version, "changed");
        while (!ct.IsCancellationRequested)
        {
            var changed = await WaitAsync(changes, version, ct);
            if (ct.IsCancellationRequested)
            {
                yield break;
            }

            if (!changed)
            {
                // Keep-alive so proxies and the browser notice dead connections.
                yield return new SseItem<long>(version, "ping");
                continue;
            }

            version = changes.Version;
            yield return new SseItem<long>(version, "changed");
        }
    }

    private static async Task<bool> WaitAsync(ChangeNotifier changes, long version, CancellationToken ct)
    {
        try
        {
            await changes.WaitForChangeAsync(version, ct).WaitAsync(TimeSpan.FromSeconds(15), ct);
            await Task.Delay(300, ct);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
