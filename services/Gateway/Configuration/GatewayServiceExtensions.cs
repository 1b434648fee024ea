using Gateway.Proxy;
using Gateway.RateLimiting;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Forwarder;

namespace Gateway.Configuration;

public static class GatewayServiceExtensions
{
    public static IHostApplicationBuilder AddGateway(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<GatewayOptions>()
            .BindConfiguration(GatewayOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(o => o.RateLimit.PermitLimit >= 1 && o.RateLimit.Window > TimeSpan.Zero,
                "Gateway:RateLimit needs PermitLimit >= 1 and a positive Window.")
            .Validate(o => o.Routes.Values.All(p => p.StartsWith('/')), "Gateway:Routes prefixes must start with '/'.")
            .ValidateOnStart();

        builder.Services.AddProblemDetails();
        builder.AddTokenValidation();
        builder.Services.AddClientRateLimiting();
        builder.Services.AddSingleton<IProxyConfigProvider, ServiceDiscoveryProxyConfigProvider>();
        builder.Services.AddSingleton<IForwarderHttpClientFactory, ShortConnectTimeoutClientFactory>();
        builder.Services.AddReverseProxy();
        return builder;
    }
}
