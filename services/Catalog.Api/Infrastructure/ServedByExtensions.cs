namespace Catalog.Api.Infrastructure;

public static class ServedByExtensions
{
    public const string HeaderName = "X-Served-By";

    /// <summary>Stamps every response with the replica id so callers (and tests) can see load spread over replicas.</summary>
    public static WebApplication UseServedByHeader(this WebApplication app)
    {
        var identity = app.Services.GetRequiredService<InstanceIdentity>();
        app.Use((context, next) =>
        {
            context.Response.Headers[HeaderName] = identity.Id;
            return next(context);
        });
        return app;
    }
}
