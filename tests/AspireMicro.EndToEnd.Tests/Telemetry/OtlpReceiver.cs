using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AspireMicro.EndToEnd.Tests.Telemetry;

/// <summary>
/// An OTLP/gRPC receiver the test starts itself, so tests assert on real telemetry without the dashboard. The
/// testing builder points every resource's exporter at it (ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL).
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private OtlpReceiver(WebApplication app, ReceivedTelemetry telemetry, Uri endpoint)
    {
        _app = app;
        Telemetry = telemetry;
        Endpoint = endpoint;
    }

    public ReceivedTelemetry Telemetry { get; }

    /// <summary>h2c on loopback, port chosen by the kernel: two suites at once never collide.</summary>
    public Uri Endpoint { get; }

    public static async Task<OtlpReceiver> StartAsync(CancellationToken ct)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Listen(System.Net.IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        // A checkout's export batches are small, but a burst of orders is not: lift gRPC's 4 MB default.
        builder.Services.AddGrpc(options => options.MaxReceiveMessageSize = 64 * 1024 * 1024);
        var telemetry = new ReceivedTelemetry();
        builder.Services.AddSingleton(telemetry);

        var app = builder.Build();
        app.MapGrpcService<TraceReceiver>();
        app.MapGrpcService<LogsReceiver>();
        app.MapGrpcService<MetricsReceiver>();
        await app.StartAsync(ct);

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new OtlpReceiver(app, telemetry, new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal)));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
