using Microsoft.AspNetCore.Http.HttpResults;

namespace AspireMicro.Dashboard.Frontend.Pages;

/// <summary>Each page is a static HTML shell whose script loads data from the JSON API and listens for changes.</summary>
public static class PageEndpoints
{
    public static IEndpointRouteBuilder MapPages(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("");
        group.MapGet("/", () => TypedResults.Redirect("/resources"));
        group.MapGet("/resources", () => Page("resources.html"));
        group.MapGet("/consolelogs", () => Page("consolelogs.html"));
        group.MapGet("/structuredlogs", () => Page("structuredlogs.html"));
        group.MapGet("/traces", () => Page("traces.html"));
        group.MapGet("/traces/{traceId}", (string traceId) => Page("trace.html"));
        group.MapGet("/metrics", () => Page("metrics.html"));
        group.MapGet("/assets/{file}", Asset);
        return endpoints;
    }

    private static Results<ContentHttpResult, NotFound> Page(string file)
    {
        var html = EmbeddedAssets.ReadText(file);
        return html is null ? TypedResults.NotFound() : TypedResults.Content(html, "text/html; charset=utf-8");
    }

    private static Results<FileContentHttpResult, NotFound> Asset(string file)
    {
        var bytes = EmbeddedAssets.Read(file);
        if (bytes is null || file.EndsWith(".html", StringComparison.Ordinal))
        {
            return TypedResults.NotFound();
        }

        var contentType = Path.GetExtension(file) switch
        {
            ".js" => "text/javascript; charset=utf-8",
            ".css" => "text/css; charset=utf-8",
            ".svg" => "image/svg+xml",
            _ => "application/octet-stream",
        };
        return TypedResults.File(bytes, contentType);
    }
}
