using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace AspireMicro.Dashboard.Configuration;

public static class DashboardKestrelExtensions
{
    /// <summary>
    /// Binds the UI, OTLP/gRPC (HTTP/2 only, cleartext: the .NET exporter speaks h2c with prior knowledge)
    /// and OTLP/HTTP listeners explicitly, which replaces ASPNETCORE_URLS handling.
    /// </summary>
    public static DashboardEndpoints ConfigureDashboardKestrel(this WebApplicationBuilder builder)
    {
        var endpoints = DashboardEndpoints.From(builder.Configuration);
        builder.Services.AddSingleton(endpoints);
        builder.WebHost.UseUrls();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            foreach (var uri in endpoints.Frontend)
            {
                Listen(kestrel, uri, HttpProtocols.Http1);
            }

            Listen(kestrel, endpoints.OtlpGrpc, HttpProtocols.Http2);
            Listen(kestrel, endpoints.OtlpHttp, HttpProtocols.Http1);
        });
        return endpoints;
    }

    private static void Listen(KestrelServerOptions kestrel, Uri uri, HttpProtocols protocols)
    {
        if (uri.IsLoopback && uri.Host == "localhost")
        {
            kestrel.ListenLocalhost(uri.Port, o => o.Protocols = protocols);
        }
        else if (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && !address.Equals(IPAddress.Any))
        {
            kestrel.Listen(address, uri.Port, o => o.Protocols = protocols);
        }
        else
        {
            kestrel.ListenAnyIP(uri.Port, o => o.Protocols = protocols);
        }
    }
}
