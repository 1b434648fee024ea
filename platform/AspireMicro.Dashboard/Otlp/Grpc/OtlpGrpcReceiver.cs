using AspireMicro.Dashboard.Otlp.Conversion;
using AspireMicro.Dashboard.Otlp.Proto.Collector.Logs.V1;
using AspireMicro.Dashboard.Otlp.Proto.Collector.Metrics.V1;
using AspireMicro.Dashboard.Otlp.Proto.Collector.Trace.V1;
using AspireMicro.Dashboard.Telemetry.Storage;
using Grpc.Core;

namespace AspireMicro.Dashboard.Otlp.Grpc;

/// <summary>
/// The three OTLP collector Export methods. Bound by <see cref="OtlpGrpcMethodProvider"/> rather than the
/// generated base classes so that undecodable payloads map to InvalidArgument (see <see cref="OtlpMarshaller"/>).
/// The API key is checked earlier, by OtlpRequestGuardMiddleware.
/// </summary>
public sealed class OtlpGrpcReceiver(TelemetryStore store)
{
    public Task<ExportTraceServiceResponse> ExportTraces(ExportTraceServiceRequest request, ServerCallContext context)
    {
        var rejected = OtlpSpans.Ingest(store, request);
        var response = new ExportTraceServiceResponse();
        if (rejected > 0)
        {
            response.PartialSuccess = new ExportTracePartialSuccess { RejectedSpans = rejected, ErrorMessage = "spans need a 16-byte trace_id and an 8-byte span_id" };
        }

        return Task.FromResult(response);
    }

    public Task<ExportLogsServiceResponse> ExportLogs(ExportLogsServiceRequest request, ServerCallContext context)
    {
        OtlpLogs.Ingest(store, request);
        return Task.FromResult(new ExportLogsServiceResponse());
    }

    public Task<ExportMetricsServiceResponse> ExportMetrics(ExportMetricsServiceRequest request, ServerCallContext context)
    {
        OtlpMetrics.Ingest(store, request);
        return Task.FromResult(new ExportMetricsServiceResponse());
    }
}
