using AspireMicro.Dashboard.Frontend.Api;
using AspireMicro.Dashboard.Telemetry.Queries;
using AspireMicro.Dashboard.Telemetry.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AspireMicro.Dashboard.Frontend.Pages;

/// <summary>
/// The trace list and the trace waterfall are served with their first data inlined (see <see cref="InitialData"/>):
/// the same query the page script would make first, so the script renders without waiting for the API.
/// </summary>
public static class TracePages
{
    /// <summary>The trace list's page size (traces.js uses the same).</summary>
    private const int FirstPageSize = 50;

    public static Results<ContentHttpResult, NotFound> List(TelemetryStore store, string? resource, string? search)
    {
        var html = AssetFingerprints.Page("traces.html");
        if (html is null)
        {
            return TypedResults.NotFound();
        }

        // Read the version first: a change that lands during the queries then still triggers a live refresh.
        var version = store.Changes.Version;
        var resources = store.Resources();
        // The page's filter only keeps a resource it lists; an unknown one falls back to "All resources" there, so here too.
        var service = resources.Any(r => r.Service == resource) ? resource : null;
        var traces = store.Traces(new TraceQuery(service, search, ErrorsOnly: false, Skip: 0, Take: FirstPageSize));
        return PageEndpoints.Html(InitialData.Embed(html, new TraceListInitialData(version, resources, traces)));
    }

    public static Results<ContentHttpResult, NotFound> Detail(TelemetryStore store, string traceId)
    {
        var html = AssetFingerprints.Page("trace.html");
        if (html is null)
        {
            return TypedResults.NotFound();
        }

        // Unknown or malformed ids get the bare page; its script asks the API and shows the 404/400 itself.
        var version = store.Changes.Version;
        var validation = new ApiValidation();
        validation.HexId("traceId", traceId, 32);
        var spans = validation.IsValid ? store.Trace(traceId) : null;
        return PageEndpoints.Html(spans is null ? html : InitialData.Embed(html, new TraceInitialData(version, new TraceDetail(traceId, spans))));
    }
}
