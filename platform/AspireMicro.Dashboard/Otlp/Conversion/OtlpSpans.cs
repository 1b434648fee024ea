using AspireMicro.Dashboard.Otlp.Proto.Collector.Trace.V1;
using AspireMicro.Dashboard.Otlp.Proto.Trace.V1;
using AspireMicro.Dashboard.Telemetry.Model;
using AspireMicro.Dashboard.Telemetry.Storage;

namespace AspireMicro.Dashboard.Otlp.Conversion;

/// <summary>Maps an OTLP trace export into stored spans; spans without valid ids are rejected, not guessed.</summary>
public static class OtlpSpans
{
    public static int Ingest(TelemetryStore store, ExportTraceServiceRequest request)
    {
        var rejected = 0;
        foreach (var resourceSpans in request.ResourceSpans)
        {
            var resource = OtlpResources.ToResource(resourceSpans.Resource);
            var spans = new List<SpanRecord>();
            foreach (var scopeSpans in resourceSpans.ScopeSpans)
            {
                foreach (var span in scopeSpans.Spans)
                {
                    if (span.TraceId.Length != 16 || span.SpanId.Length != 8)
                    {
                        rejected++;
                        continue;
                    }

                    spans.Add(ToRecord(span, resource, StringPool.Share(scopeSpans.Scope?.Name ?? "")));
                }
            }

            store.AddSpans(resource, spans);
        }

        return rejected;
    }

    private static SpanRecord ToRecord(Span span, TelemetryResource resource, string scope) => new()
    {
        TraceId = OtlpValues.ToHexId(span.TraceId)!,
        SpanId = OtlpValues.ToHexId(span.SpanId)!,
        ParentSpanId = OtlpValues.ToHexId(span.ParentSpanId),
        Name = StringPool.Share(span.Name),
        Kind = span.Kind switch
        {
            Span.Types.SpanKind.Server => "Server",
            Span.Types.SpanKind.Client => "Client",
            Span.Types.SpanKind.Producer => "Producer",
            Span.Types.SpanKind.Consumer => "Consumer",
            _ => "Internal",
        },
        StartTimeUnixNano = OtlpValues.ToNanos(span.StartTimeUnixNano),
        EndTimeUnixNano = Math.Max(OtlpValues.ToNanos(span.EndTimeUnixNano), OtlpValues.ToNanos(span.StartTimeUnixNano)),
        Status = span.Status?.Code switch
        {
            Status.Types.StatusCode.Error => SpanStatus.Error,
            Status.Types.StatusCode.Ok => SpanStatus.Ok,
            _ => SpanStatus.Unset,
        },
        StatusMessage = string.IsNullOrEmpty(span.Status?.Message) ? null : span.Status.Message,
        Service = resource.Service,
        Instance = resource.Instance,
        Scope = scope,
        Attributes = OtlpValues.ToAttributes(span.Attributes),
        Events = span.Events
            .Select(e => new SpanEventRecord(StringPool.Share(e.Name), OtlpValues.ToNanos(e.TimeUnixNano), OtlpValues.ToAttributes(e.Attributes)))
            .ToArray(),
        Links = span.Links
            .Select(l => new SpanLinkRecord(OtlpValues.ToHexId(l.TraceId) ?? "", OtlpValues.ToHexId(l.SpanId) ?? "", OtlpValues.ToAttributes(l.Attributes)))
            .ToArray(),
    };
}
