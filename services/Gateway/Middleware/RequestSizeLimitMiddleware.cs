using Gateway.Configuration;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Gateway.Middleware;

/// <summary>
/// Rejects oversized bodies at the edge with 413 ProblemDetails before anything is forwarded.
/// A declared Content-Length is checked up front; chunked bodies are capped by the server's limit.
/// </summary>
public sealed class RequestSizeLimitMiddleware(RequestDelegate next, IOptions<GatewayOptions> options)
{
    public async Task InvokeAsync(HttpContext context, IProblemDetailsService problems)
    {
        var limit = options.Value.MaxRequestBodyBytes;
        var sizeFeature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeFeature is { IsReadOnly: false })
        {
            sizeFeature.MaxRequestBodySize = limit;
        }

        if (context.Request.ContentLength > limit)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            // The unread body is still on the wire: Kestrel would try to drain it past the limit and then reset
            // the connection, failing the client's next request on it. Closing it cleanly tells the client to reconnect.
            context.Response.Headers.Connection = "close";
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = new HttpValidationProblemDetails(new Dictionary<string, string[]>
                {
                    ["body"] = [$"The request body is {context.Request.ContentLength} bytes; the limit is {limit} bytes."],
                })
                {
                    Status = StatusCodes.Status413PayloadTooLarge,
                    Title = "Request body too large",
                },
            });
            return;
        }

        await next(context);
    }
}
