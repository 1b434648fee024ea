using AspireMicro.Dashboard.ResourceService;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AspireMicro.Dashboard.Frontend.Api;

/// <summary>
/// Browser-facing proxy to the resource service: the browser only ever holds the dashboard cookie, never
/// the resource-service key. SSE streams are piped through unchanged.
/// </summary>
public static class ResourcesApi
{
    private static readonly string[] Commands = ["stop", "start", "restart"];

    public static IEndpointRouteBuilder MapResourcesApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/resources");
        group.MapGet("/status", (ResourceServiceClient client) =>
            TypedResults.Ok(new ResourceServiceStatus(client.IsConfigured, client.Url)));
        group.MapGet("/", (HttpContext context, ResourceServiceClient client) =>
            Proxy(context, client, HttpMethod.Get, "api/v1/resources"));
        group.MapGet("/watch", (HttpContext context, ResourceServiceClient client) =>
            Proxy(context, client, HttpMethod.Get, "api/v1/resources/watch"));
        group.MapGet("/{name}/logs", (HttpContext context, ResourceServiceClient client, string name) =>
            Proxy(context, client, HttpMethod.Get, $"api/v1/resources/{Uri.EscapeDataString(name)}/logs?follow=true"));
        group.MapPost("/{name}/commands/{command}", ExecuteCommand);
        return endpoints;
    }

    private static async Task<IResult> ExecuteCommand(HttpContext context, ResourceServiceClient client, string name, string command)
    {
        if (!Commands.Contains(command, StringComparer.Ordinal))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["command"] = [$"command must be one of {string.Join(", ", Commands)}."],
            });
        }

        return await Proxy(context, client, HttpMethod.Post, $"api/v1/resources/{Uri.EscapeDataString(name)}/commands/{command}");
    }

    private static async Task<IResult> Proxy(HttpContext context, ResourceServiceClient client, HttpMethod method, string path)
    {
        if (!client.IsConfigured)
        {
            return NotConfigured();
        }

        HttpResponseMessage upstream;
        try
        {
            upstream = await client.SendAsync(method, path, context.RequestAborted);
        }
        catch (HttpRequestException ex)
        {
            return TypedResults.Problem(title: "Resource service unreachable", detail: ex.Message, statusCode: StatusCodes.Status502BadGateway);
        }

        context.Response.RegisterForDispose(upstream);
        context.Response.StatusCode = (int)upstream.StatusCode;
        var contentType = upstream.Content.Headers.ContentType?.ToString();
        if (contentType is not null)
        {
            context.Response.ContentType = contentType;
        }

        if (contentType?.StartsWith("text/event-stream", StringComparison.Ordinal) == true)
        {
            // Flush each chunk as it arrives; buffering would make the console and resource views stall.
            context.Response.Headers.CacheControl = "no-cache";
            await context.Response.StartAsync(context.RequestAborted);
            await using var stream = await upstream.Content.ReadAsStreamAsync(context.RequestAborted);
            var buffer = new byte[8192];
            try
            {
                int read;
                while ((read = await stream.ReadAsync(buffer, context.RequestAborted)) > 0)
                {
                    await context.Response.Body.WriteAsync(buffer.AsMemory(0, read), context.RequestAborted);
                    await context.Response.Body.FlushAsync(context.RequestAborted);
                }
            }
            catch (Exception ex) when (ex is OperationCanceledException or IOException or HttpRequestException)
            {
                // The browser went away or the AppHost stopped; EventSource reconnects by itself.
            }

            return TypedResults.Empty;
        }

        await upstream.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
        return TypedResults.Empty;
    }

    private static ProblemHttpResult NotConfigured() => TypedResults.Problem(
        title: "No resource service",
        detail: "The dashboard runs standalone (DOTNET_RESOURCE_SERVICE_ENDPOINT_URL is not set), so there are no resources to show.",
        statusCode: StatusCodes.Status503ServiceUnavailable);
}
