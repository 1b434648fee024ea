using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace AspireMicro.Dashboard.Tests.Infrastructure;

/// <summary>
/// Sends telemetry through the real OpenTelemetry .NET OTLP exporter, configured the way a service would be
/// (endpoint, protocol, x-otlp-api-key header), and flushes it synchronously.
/// </summary>
public sealed class RealExporters(DashboardProcess dashboard, OtlpExportProtocol protocol, string? apiKey)
{
    public bool SendTrace(string service, string rootName, string childName)
    {
        var sourceName = "tests." + Guid.NewGuid().ToString("N");
        using var source = new ActivitySource(sourceName);
        using var provider = Sdk.CreateTracerProviderBuilder()
            .ConfigureResource(r => r.AddService(service))
            .AddSource(sourceName)
            .AddOtlpExporter(o => Configure(o, "/v1/traces"))
            .Build();
        using (source.StartActivity(rootName, ActivityKind.Server))
        {
            using var child = source.StartActivity(childName, ActivityKind.Client);
            child?.SetTag("http.request.method", "GET");
        }

        return provider.ForceFlush(10_000);
    }

    public void SendLog(string service, string template, params object[] values)
    {
        using var factory = LoggerFactory.Create(logging => logging.AddOpenTelemetry(o =>
        {
            o.SetResourceBuilder(ResourceBuilder.CreateDefault().AddService(service));
            o.AddOtlpExporter(e => Configure(e, "/v1/logs"));
        }));
#pragma warning disable CA2254 // The template is the point of the test: it must arrive as the OTLP body.
        factory.CreateLogger("Tests.Orders").LogWarning(template, values);
#pragma warning restore CA2254
    }

    public bool SendMetrics(string service, string counterName, string histogramName)
    {
        var meterName = "tests." + Guid.NewGuid().ToString("N");
        using var meter = new Meter(meterName);
        using var provider = Sdk.CreateMeterProviderBuilder()
            .ConfigureResource(r => r.AddService(service))
            .AddMeter(meterName)
            .AddOtlpExporter((o, reader) =>
            {
                Configure(o, "/v1/metrics");
                reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = 60_000;
            })
            .Build();
        meter.CreateCounter<long>(counterName).Add(5, new KeyValuePair<string, object?>("route", "/orders"));
        var histogram = meter.CreateHistogram<double>(histogramName, "ms");
        foreach (var value in new[] { 3.0, 8, 12, 40, 90, 300 })
        {
            histogram.Record(value);
        }

        return provider.ForceFlush(10_000);
    }

    private void Configure(OtlpExporterOptions options, string httpPath)
    {
        options.Protocol = protocol;
        // With HttpProtobuf an explicitly set endpoint is used as-is, so it carries the signal path.
        options.Endpoint = new Uri(protocol == OtlpExportProtocol.Grpc ? dashboard.GrpcUrl : dashboard.HttpUrl + httpPath);
        if (apiKey is not null)
        {
            options.Headers = $"x-otlp-api-key={apiKey}";
        }
    }
}
