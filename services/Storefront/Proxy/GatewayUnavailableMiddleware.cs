using Microsoft.AspNetCore.Mvc;
using Yarp.ReverseProxy.Forwarder;

namespace Storefront.Proxy;

/// <summary>If the gateway itself is unreachable the page still gets a ProblemDetails it can show, not an empty 502.</summary>
public static class GatewayUnavailableMiddleware
{
    public static async Task InvokeAsync(HttpContext context, Func<Task> next)
    {
        await next();
        if (context.Response.HasStarted || context.Features.Get<IForwarderErrorFeature>() is not { } error
            || error.Error is ForwarderError.RequestCanceled)
        {
            return;
        }

        context.Response.Clear();
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Store temporarily unavailable",
                Detail = "The store's API gateway is not responding right now.",
            },
        });
    }
}
