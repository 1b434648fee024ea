using Microsoft.AspNetCore.Mvc;
using Yarp.ReverseProxy.Forwarder;

namespace Gateway.Proxy;

/// <summary>
/// YARP answers a dead, hung or missing backend with an empty 502/503/504. Clients get one consistent,
/// retryable 503 ProblemDetails instead, naming the service.
/// </summary>
public static class ProxyErrorProblemDetailsMiddleware
{
    public static async Task InvokeAsync(HttpContext context, Func<Task> next)
    {
        await next();
        var error = context.Features.Get<IForwarderErrorFeature>();
        var failedWithoutBody = context.Response.StatusCode is StatusCodes.Status502BadGateway
            or StatusCodes.Status503ServiceUnavailable or StatusCodes.Status504GatewayTimeout;
        if (context.Response.HasStarted || (error is null && !failedWithoutBody))
        {
            return;
        }

        if (error is { Error: ForwarderError.RequestCanceled or ForwarderError.RequestBodyCanceled })
        {
            return; // the client went away; nobody is listening for a body.
        }

        var status = error?.Error is ForwarderError.RequestBodyClient
            ? StatusCodes.Status400BadRequest
            : StatusCodes.Status503ServiceUnavailable;
        var service = context.GetRouteModel().Cluster?.ClusterId.Replace("-streams", string.Empty, StringComparison.Ordinal) ?? "backend";
        context.Response.Clear();
        context.Response.StatusCode = status;
        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            context.Response.Headers.RetryAfter = "5";
        }

        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = status,
                Title = status == StatusCodes.Status400BadRequest ? "The request body could not be read" : "Service unavailable",
                Detail = status == StatusCodes.Status400BadRequest
                    ? "The request body was malformed or exceeded the size limit."
                    : $"The {service} service is not responding right now ({error?.Error.ToString() ?? "no healthy replica"}). Please retry shortly.",
            },
        });
    }
}
