using System.Collections.Concurrent;
using AspireMicro.EndToEnd.Tests.Telemetry.Proto.Collector.Logs.V1;
using AspireMicro.EndToEnd.Tests.Telemetry.Proto.Collector.Metrics.V1;
using AspireMicro.EndToEnd.Tests.Telemetry.Proto.Collector.Trace.V1;
using AspireMicro.EndToEnd.Tests.Telemetry.Proto.Common.V1;
using AspireMicro.EndToEnd.Tests.Telemetry.Proto.Resource.V1;
using Google.Protobuf;

namespace AspireMicro.EndToEnd.Tests.Telemetry;

/// <summary>Everything the receiver has been sent, flattened to what tests assert on.</summary>
public sealed class ReceivedTelemetry
{
    private readonly ConcurrentQueue<ReceivedSpan> _spans = new();
    private readonly ConcurrentQueue<ReceivedLog> _logs = new();
    private readonly ConcurrentQueue<ReceivedMetricExport> _metricExports = new();

    public IReadOnlyList<ReceivedSpan> Spans => [.. _spans];

    public IReadOnlyList<ReceivedLog> Logs => [.. _logs];

    public IReadOnlyList<ReceivedMetricExport> MetricExports => [.. _metricExports];

    public IReadOnlyList<ReceivedSpan> SpansOfTrace(string traceId) => [.. _spans.Where(s => s.TraceId == traceId)];

    internal void Add(ExportTraceServiceRequest request)
    {
        foreach (var resourceSpans in request.ResourceSpans)
        {
            var service = ServiceName(resourceSpans.Resource);
            foreach (var span in resourceSpans.ScopeSpans.SelectMany(s => s.Spans))
            {
                _spans.Enqueue(new ReceivedSpan(
                    Hex(span.TraceId), Hex(span.SpanId), span.ParentSpanId.IsEmpty ? null : Hex(span.ParentSpanId),
                    span.Name, span.Kind.ToString(), service));
            }
        }
    }

    internal void Add(ExportLogsServiceRequest request)
    {
        foreach (var resourceLogs in request.ResourceLogs)
        {
            var service = ServiceName(resourceLogs.Resource);
            foreach (var record in resourceLogs.ScopeLogs.SelectMany(s => s.LogRecords))
            {
                _logs.Enqueue(new ReceivedLog(
                    service, (int)record.SeverityNumber, record.SeverityText, record.Body?.StringValue ?? "",
                    Attribute(record.Attributes, "exception.type"), DateTimeOffset.UtcNow));
            }
        }
    }

    internal void Add(ExportMetricsServiceRequest request)
    {
        foreach (var resourceMetrics in request.ResourceMetrics)
        {
            var names = resourceMetrics.ScopeMetrics.SelectMany(s => s.Metrics).Select(m => m.Name).ToList();
            _metricExports.Enqueue(new ReceivedMetricExport(ServiceName(resourceMetrics.Resource), names, DateTimeOffset.UtcNow));
        }
    }

    private static string ServiceName(Resource? resource) => Attribute(resource?.Attributes, "service.name") ?? "unknown";

    private static string? Attribute(IEnumerable<KeyValue>? attributes, string key) =>
        attributes?.FirstOrDefault(a => a.Key == key)?.Value?.StringValue;

    private static string Hex(ByteString bytes) => Convert.ToHexStringLower(bytes.Span);
}

public sealed record ReceivedSpan(string TraceId, string SpanId, string? ParentSpanId, string Name, string Kind, string Service);

/// <summary>OTLP severity numbers: 17–20 error, 21–24 fatal.</summary>
public sealed record ReceivedLog(string Service, int SeverityNumber, string SeverityText, string Body, string? ExceptionType, DateTimeOffset ReceivedAt)
{
    public bool IsErrorOrWorse => SeverityNumber >= 17;
}

public sealed record ReceivedMetricExport(string Service, IReadOnlyList<string> MetricNames, DateTimeOffset ReceivedAt);
