using AspireMicro.EndToEnd.Tests.Telemetry.Proto.Collector.Logs.V1;
using AspireMicro.EndToEnd.Tests.Telemetry.Proto.Collector.Metrics.V1;
using AspireMicro.EndToEnd.Tests.Telemetry.Proto.Collector.Trace.V1;
using Grpc.Core;

namespace AspireMicro.EndToEnd.Tests.Telemetry;

internal sealed class TraceReceiver(ReceivedTelemetry telemetry) : TraceService.TraceServiceBase
{
    public override Task<ExportTraceServiceResponse> Export(ExportTraceServiceRequest request, ServerCallContext context)
    {
        telemetry.Add(request);
        return Task.FromResult(new ExportTraceServiceResponse());
    }
}

internal sealed class LogsReceiver(ReceivedTelemetry telemetry) : LogsService.LogsServiceBase
{
    public override Task<ExportLogsServiceResponse> Export(ExportLogsServiceRequest request, ServerCallContext context)
    {
        telemetry.Add(request);
        return Task.FromResult(new ExportLogsServiceResponse());
    }
}

internal sealed class MetricsReceiver(ReceivedTelemetry telemetry) : MetricsService.MetricsServiceBase
{
    public override Task<ExportMetricsServiceResponse> Export(ExportMetricsServiceRequest request, ServerCallContext context)
    {
        telemetry.Add(request);
        return Task.FromResult(new ExportMetricsServiceResponse());
    }
}
