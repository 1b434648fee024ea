using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace AspireMicro.Dashboard.Frontend.Pages;

/// <summary>
/// Each page is an HTML shell whose script loads data from the JSON API and listens for changes; the trace pages
/// also carry their first data inline (<see cref="TracePages"/>).
/// </summary>
public static class PageEndpoints
{
    private const string ImmutableForAYear = "public, max-age=31536000, immutable";

    public static IEndpointRouteBuilder MapPages(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("");
        group.MapGet("/", () => TypedResults.Redirect("/resources"));
        group.MapGet("/resources", () => Page("resources.html"));
        group.MapGet("/consolelogs", () => Page("consolelogs.html"));
        group.MapGet("/structuredlogs", () => Page("structuredlogs.html"));
        group.MapGet("/traces", TracePages.List);
        group.MapGet("/traces/{traceId}", TracePages.Detail);
        group.MapGet("/metrics", () => Page("metrics.html"));
        group.MapGet("/assets/{file}", Asset);
        return endpoints;
    }

    internal static ContentHttpResult Html(string html) => TypedResults.Content(html, "text/html; charset=utf-8");

    private static Results<ContentHttpResult, NotFound> Page(string file) =>
        AssetFingerprints.Page(file) is { } html ? Html(html) : TypedResults.NotFound();

    private static Results<FileContentHttpResult, NotFound> Asset(HttpContext context, string file, string? v)
    {
        var bytes = EmbeddedAssets.Read(file);
        var hash = AssetFingerprints.Hash(file);
        if (bytes is null || hash is null || file.EndsWith(".html", StringComparison.Ordinal))
        {
            return TypedResults.NotFound();
        }

        // Only the URL carrying the current hash may be cached for good; any other is revalidated by ETag.
        context.Response.Headers.CacheControl = v == hash ? ImmutableForAYear : "no-cache";
        var contentType = Path.GetExtension(file) switch
        {
            ".js" => "text/javascript; charset=utf-8",
            ".css" => "text/css; charset=utf-8",
            ".svg" => "image/svg+xml",
            _ => "application/octet-stream",
        };
        return TypedResults.File(bytes, contentType, entityTag: new EntityTagHeaderValue($"\"{hash}\""));
    }
}
