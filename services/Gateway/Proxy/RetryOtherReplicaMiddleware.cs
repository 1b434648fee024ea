using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Model;

namespace Gateway.Proxy;

/// <summary>
/// When a replica refuses the connection, a safe (bodiless, idempotent) request is sent to another
/// replica instead of failing: the client never sees the dead one while health checks catch up.
/// </summary>
public static class RetryOtherReplicaMiddleware
{
    public static async Task InvokeAsync(HttpContext context, Func<Task> next)
    {
        var proxy = context.Features.Get<IReverseProxyFeature>()!;
        var remaining = proxy.AvailableDestinations.ToList();
        while (true)
        {
            await next();
            var error = context.Features.Get<IForwarderErrorFeature>();
            var failed = proxy.ProxiedDestination;
            var retryable = error?.Error is ForwarderError.Request or ForwarderError.RequestTimedOut
                && !context.Response.HasStarted
                && (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method));
            if (!retryable || failed is null)
            {
                return;
            }

            remaining.Remove(failed);
            if (remaining.Count == 0)
            {
                return;
            }

            context.Features.Set<IForwarderErrorFeature>(null);
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status200OK;
            proxy.AvailableDestinations = remaining.ToList();
        }
    }
}
