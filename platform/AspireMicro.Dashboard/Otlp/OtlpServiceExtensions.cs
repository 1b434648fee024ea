using AspireMicro.Dashboard.Otlp.Grpc;
using AspireMicro.Dashboard.Otlp.Http;
using Grpc.AspNetCore.Server.Model;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AspireMicro.Dashboard.Otlp;

public static class OtlpServiceExtensions
{
    public static IServiceCollection AddOtlpReceivers(this IServiceCollection services)
    {
        services.AddGrpc(o =>
        {
            o.MaxReceiveMessageSize = 64 * 1024 * 1024;
            o.EnableDetailedErrors = false;
        });
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IServiceMethodProvider<OtlpGrpcReceiver>, OtlpGrpcMethodProvider>());
        services.AddScoped<OtlpGrpcReceiver>();
        return services;
    }

    public static IEndpointRouteBuilder MapOtlpReceivers(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGrpcService<OtlpGrpcReceiver>().AllowAnonymous();
        endpoints.MapOtlpHttp();
        return endpoints;
    }
}
