using Gateway.Configuration;
using Microsoft.Extensions.Options;
using Scalar.AspNetCore;

namespace Gateway.Proxy;

/// <summary>
/// The public API in one page: Scalar at <c>/scalar</c>, with one document per routed service, each fetched from the
/// service itself through the gateway's <c>/openapi/{service}.json</c> route.
/// </summary>
public static class ApiReference
{
    public const string Path = "/scalar";

    public static string DocumentPath(string service) => $"/openapi/{service}.json";

    public static IEndpointConventionBuilder MapApiReference(this WebApplication app)
    {
        var services = app.Services.GetRequiredService<IOptions<GatewayOptions>>().Value.Routes.Keys.Order().ToList();
        return app.MapScalarApiReference(Path, options =>
        {
            // No hosted AI agent or MCP features: the page must work offline, on the machine it runs on.
            options.WithTitle("AspireMicro API").DisableAgent().DisableMcp();
            foreach (var service in services)
            {
                options.AddDocument(service, title: service, routePattern: DocumentPath(service));
            }
        });
    }
}
