using AspireMicro.Dashboard.Otlp.Proto.Collector.Logs.V1;
using AspireMicro.Dashboard.Otlp.Proto.Collector.Trace.V1;
using AspireMicro.Dashboard.Otlp.Proto.Common.V1;
using AspireMicro.Dashboard.Otlp.Proto.Logs.V1;
using AspireMicro.Dashboard.Otlp.Proto.Resource.V1;
using AspireMicro.Dashboard.Otlp.Proto.Trace.V1;
using Google.Protobuf;
using SpanKind = AspireMicro.Dashboard.Otlp.Proto.Trace.V1.Span.Types.SpanKind;

namespace AspireMicro.Dashboard.Tests.Infrastructure;

/// <summary>Hand-built OTLP requests for cases the SDK cannot produce on demand (exact ids, many services, load).</summary>
public static class OtlpPayloads
{
    public static Resource Resource(string service, string? instance = null)
    {
        var resource = new Resource();
        resource.Attributes.Add(new KeyValue { Key = "service.name", Value = new AnyValue { StringValue = service } });
        if (instance is not null)
        {
            resource.Attributes.Add(new KeyValue { Key = "service.instance.id", Value = new AnyValue { StringValue = instance } });
        }

        return resource;
    }

    public static byte[] NewTraceId() => Guid.NewGuid().ToByteArray();

    public static byte[] NewSpanId() => Guid.NewGuid().ToByteArray()[..8];

    public static Span MakeSpan(byte[] traceId, byte[] spanId, byte[]? parent, string name, SpanKind kind, DateTimeOffset start, TimeSpan duration, bool error = false)
    {
        var startNanos = (ulong)start.ToUnixTimeMilliseconds() * 1_000_000UL;
        var span = new Span
        {
            TraceId = ByteString.CopyFrom(traceId),
            SpanId = ByteString.CopyFrom(spanId),
            Name = name,
            Kind = kind,
            StartTimeUnixNano = startNanos,
            EndTimeUnixNano = startNanos + (ulong)(duration.TotalMilliseconds * 1_000_000),
            Status = new Status { Code = error ? Status.Types.StatusCode.Error : Status.Types.StatusCode.Unset },
        };
        if (parent is not null)
        {
            span.ParentSpanId = ByteString.CopyFrom(parent);
        }

        span.Attributes.Add(new KeyValue { Key = "test.name", Value = new AnyValue { StringValue = name } });
        return span;
    }

    public static ResourceSpans ResourceSpans(string service, params Span[] spans)
    {
        var scope = new ScopeSpans { Scope = new InstrumentationScope { Name = "tests" } };
        scope.Spans.AddRange(spans);
        var resourceSpans = new ResourceSpans { Resource = Resource(service) };
        resourceSpans.ScopeSpans.Add(scope);
        return resourceSpans;
    }

    /// <summary>One trace across gateway → catalog → (RabbitMQ) → orders, one resource per service.</summary>
    public static (ExportTraceServiceRequest Request, string TraceId) DistributedTrace(string rootName)
    {
        var traceId = NewTraceId();
        var now = DateTimeOffset.UtcNow;
        var (root, call, server, publish, consume) = (NewSpanId(), NewSpanId(), NewSpanId(), NewSpanId(), NewSpanId());
        var request = new ExportTraceServiceRequest();
        request.ResourceSpans.Add(ResourceSpans("gateway",
            MakeSpan(traceId, root, null, rootName, SpanKind.Server, now, TimeSpan.FromMilliseconds(120)),
            MakeSpan(traceId, call, root, "GET catalog", SpanKind.Client, now.AddMilliseconds(5), TimeSpan.FromMilliseconds(60))));
        request.ResourceSpans.Add(ResourceSpans("catalog",
            MakeSpan(traceId, server, call, "GET /api/items", SpanKind.Server, now.AddMilliseconds(8), TimeSpan.FromMilliseconds(50)),
            MakeSpan(traceId, publish, server, "aspiremicro.events publish", SpanKind.Producer, now.AddMilliseconds(40), TimeSpan.FromMilliseconds(5))));
        request.ResourceSpans.Add(ResourceSpans("orders",
            MakeSpan(traceId, consume, publish, "orders.events receive", SpanKind.Consumer, now.AddMilliseconds(70), TimeSpan.FromMilliseconds(30), error: true)));
        return (request, Convert.ToHexStringLower(traceId));
    }

    public static ExportLogsServiceRequest Logs(string service, params string[] messages)
    {
        var scope = new ScopeLogs { Scope = new InstrumentationScope { Name = "tests" } };
        foreach (var message in messages)
        {
            scope.LogRecords.Add(new LogRecord
            {
                TimeUnixNano = (ulong)DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1_000_000UL,
                SeverityNumber = SeverityNumber.Info,
                Body = new AnyValue { StringValue = message },
            });
        }

        var resourceLogs = new ResourceLogs { Resource = Resource(service) };
        resourceLogs.ScopeLogs.Add(scope);
        var request = new ExportLogsServiceRequest();
        request.ResourceLogs.Add(resourceLogs);
        return request;
    }
}
