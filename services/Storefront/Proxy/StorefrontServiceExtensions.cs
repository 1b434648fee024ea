using Yarp.ReverseProxy.Configuration;

namespace Storefront.Proxy;

public static class StorefrontServiceExtensions
{
    public static IHostApplicationBuilder AddGatewayProxy(this IHostApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails();
        builder.Services.AddSingleton<IProxyConfigProvider, GatewayProxyConfigProvider>();
        builder.Services.AddReverseProxy().AddTransforms(SignInExtensions.AddAccessTokenTransform);
        return builder;
    }

    public static WebApplication MapGatewayProxy(this WebApplication app)
    {
        app.MapReverseProxy(proxy =>
        {
            proxy.Use(GatewayUnavailableMiddleware.InvokeAsync);
            proxy.UseLoadBalancing();
        });
        return app;
    }
}
