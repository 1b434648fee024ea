using AspireMicro.Dashboard.Otlp.Proto.Collector.Logs.V1;
using AspireMicro.Dashboard.Otlp.Proto.Collector.Trace.V1;
using AspireMicro.Dashboard.Otlp.Proto.Common.V1;
using AspireMicro.Dashboard.Otlp.Proto.Logs.V1;
using AspireMicro.Dashboard.Otlp.Proto.Resource.V1;
using AspireMicro.Dashboard.Otlp.Proto.Trace.V1;
using Google.Protobuf;

namespace AspireMicro.Bench.Dashboard;

/// <summary>Realistic-sized OTLP batches built ahead of time, so the generator measures the dashboard, not itself.</summary>
public static class OtlpPayloads
{
    public static ExportTraceServiceRequest Spans(string service, int traces, int spansPerTrace)
    {
        var scope = new ScopeSpans { Scope = new InstrumentationScope { Name = "bench.load" } };
        var now = (ulong)DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1_000_000UL;
        for (var t = 0; t < traces; t++)
        {
            var traceId = ByteString.CopyFrom(Guid.NewGuid().ToByteArray());
            var rootId = NewSpanId();
            for (var s = 0; s < spansPerTrace; s++)
            {
                var start = now + (ulong)s * 100_000UL;
                var span = new Span
                {
                    TraceId = traceId,
                    SpanId = s == 0 ? rootId : NewSpanId(),
                    Name = s == 0 ? $"GET /api/load/{t}" : $"SELECT load.items #{s % 7}",
                    Kind = s == 0 ? Span.Types.SpanKind.Server : Span.Types.SpanKind.Client,
                    StartTimeUnixNano = start,
                    EndTimeUnixNano = start + 2_000_000UL,
                    Status = new Status(),
                };
                if (s > 0)
                {
                    span.ParentSpanId = rootId;
                }

                span.Attributes.Add(Attribute("http.request.method", "GET"));
                span.Attributes.Add(Attribute("db.system", "postgresql"));
                span.Attributes.Add(Attribute("bench.index", s.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                scope.Spans.Add(span);
            }
        }

        var resource = new ResourceSpans { Resource = Resource(service) };
        resource.ScopeSpans.Add(scope);
        var request = new ExportTraceServiceRequest();
        request.ResourceSpans.Add(resource);
        return request;
    }

    public static ExportLogsServiceRequest Logs(string service, int records)
    {
        var scope = new ScopeLogs { Scope = new InstrumentationScope { Name = "Bench.Orders" } };
        var now = (ulong)DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1_000_000UL;
        for (var i = 0; i < records; i++)
        {
            var record = new LogRecord
            {
                TimeUnixNano = now + (ulong)i,
                SeverityNumber = SeverityNumber.Info,
                SeverityText = "Information",
                Body = new AnyValue { StringValue = $"Order {i} moved to Paid after {i % 97} ms" },
            };
            record.Attributes.Add(Attribute("order.id", Guid.NewGuid().ToString()));
            scope.LogRecords.Add(record);
        }

        var resource = new ResourceLogs { Resource = Resource(service) };
        resource.ScopeLogs.Add(scope);
        var request = new ExportLogsServiceRequest();
        request.ResourceLogs.Add(resource);
        return request;
    }

    private static Resource Resource(string service)
    {
        var resource = new Resource();
        resource.Attributes.Add(Attribute("service.name", service));
        resource.Attributes.Add(Attribute("service.instance.id", service + "-0"));
        return resource;
    }

    private static KeyValue Attribute(string key, string value) => new() { Key = key, Value = new AnyValue { StringValue = value } };

    private static ByteString NewSpanId() => ByteString.CopyFrom(Guid.NewGuid().ToByteArray(), 0, 8);
}
