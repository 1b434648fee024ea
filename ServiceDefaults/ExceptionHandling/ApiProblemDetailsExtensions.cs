using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Extensions.Hosting;

/// <summary>Opt-in for HTTP APIs: every client mistake becomes a 400-class ProblemDetails, never a 500 or a stack trace.</summary>
public static class ApiProblemDetailsExtensions
{
    public static TBuilder AddApiProblemDetails<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<BadRequestExceptionHandler>();
        // Connection and transient database failures → 503; services add their own with AddDependencyFailure.
        builder.Services.AddDependencyUnavailableHandler();
        // Binding failures must surface as exceptions so BadRequestExceptionHandler can name the field.
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        return builder;
    }

    public static WebApplication UseApiProblemDetails(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }
}
