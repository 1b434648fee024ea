using AspireMicro.Dashboard.Otlp.Proto.Collector.Logs.V1;
using AspireMicro.Dashboard.Otlp.Proto.Collector.Metrics.V1;
using AspireMicro.Dashboard.Otlp.Proto.Collector.Trace.V1;
using Google.Protobuf;
using Grpc.AspNetCore.Server.Model;
using Grpc.Core;

namespace AspireMicro.Dashboard.Otlp.Grpc;

/// <summary>Registers the OTLP Export methods under the service names from the generated descriptors.</summary>
public sealed class OtlpGrpcMethodProvider : IServiceMethodProvider<OtlpGrpcReceiver>
{
    public void OnServiceMethodDiscovery(ServiceMethodProviderContext<OtlpGrpcReceiver> context)
    {
        context.AddUnaryMethod(Export(TraceService.Descriptor.FullName, ExportTraceServiceRequest.Parser, ExportTraceServiceResponse.Parser), [],
            (receiver, request, call) => receiver.ExportTraces(request, call));
        context.AddUnaryMethod(Export(LogsService.Descriptor.FullName, ExportLogsServiceRequest.Parser, ExportLogsServiceResponse.Parser), [],
            (receiver, request, call) => receiver.ExportLogs(request, call));
        context.AddUnaryMethod(Export(MetricsService.Descriptor.FullName, ExportMetricsServiceRequest.Parser, ExportMetricsServiceResponse.Parser), [],
            (receiver, request, call) => receiver.ExportMetrics(request, call));
    }

    private static Method<TRequest, TResponse> Export<TRequest, TResponse>(string service, MessageParser<TRequest> request, MessageParser<TResponse> response)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse> =>
        new(MethodType.Unary, service, "Export", OtlpMarshaller.For(request), OtlpMarshaller.For(response));
}
