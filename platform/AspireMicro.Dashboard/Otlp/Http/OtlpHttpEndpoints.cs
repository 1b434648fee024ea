using AspireMicro.Dashboard.Otlp.Conversion;
using AspireMicro.Dashboard.Otlp.Proto.Collector.Logs.V1;
using AspireMicro.Dashboard.Otlp.Proto.Collector.Metrics.V1;
using AspireMicro.Dashboard.Otlp.Proto.Collector.Trace.V1;
using AspireMicro.Dashboard.Telemetry.Storage;
using Google.Protobuf;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AspireMicro.Dashboard.Otlp.Http;

/// <summary>OTLP/HTTP with binary protobuf bodies: POST /v1/traces, /v1/logs, /v1/metrics.</summary>
public static class OtlpHttpEndpoints
{
    private const string Protobuf = "application/x-protobuf";

    public static IEndpointRouteBuilder MapOtlpHttp(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/v1").AllowAnonymous().DisableAntiforgery();
        group.MapPost("/traces", (HttpRequest request, TelemetryStore store, CancellationToken ct) =>
            Receive(request, ExportTraceServiceRequest.Parser, r =>
            {
                var rejected = OtlpSpans.Ingest(store, r);
                return rejected == 0
                    ? new ExportTraceServiceResponse()
                    : new ExportTraceServiceResponse { PartialSuccess = new ExportTracePartialSuccess { RejectedSpans = rejected } };
            }, ct));
        group.MapPost("/logs", (HttpRequest request, TelemetryStore store, CancellationToken ct) =>
            Receive(request, ExportLogsServiceRequest.Parser, r =>
            {
                OtlpLogs.Ingest(store, r);
                return new ExportLogsServiceResponse();
            }, ct));
        group.MapPost("/metrics", (HttpRequest request, TelemetryStore store, CancellationToken ct) =>
            Receive(request, ExportMetricsServiceRequest.Parser, r =>
            {
                OtlpMetrics.Ingest(store, r);
                return new ExportMetricsServiceResponse();
            }, ct));
        return endpoints;
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Receive<TRequest>(
        HttpRequest request, MessageParser<TRequest> parser, Func<TRequest, IMessage> ingest, CancellationToken ct)
        where TRequest : IMessage<TRequest>
    {
        if (!string.Equals(request.ContentType?.Split(';')[0].Trim(), Protobuf, StringComparison.OrdinalIgnoreCase))
        {
            return BadRequest($"Content-Type must be {Protobuf} (JSON encoding is not supported).", StatusCodes.Status415UnsupportedMediaType);
        }

        var body = await OtlpHttpBody.ReadAsync(request, ct);
        if (body is null)
        {
            return BadRequest("The body could not be decompressed.");
        }

        TRequest message;
        try
        {
            message = parser.ParseFrom(body);
        }
        catch (InvalidProtocolBufferException ex)
        {
            return BadRequest($"The body is not a valid OTLP protobuf message: {ex.Message}");
        }

        var response = ingest(message);
        return TypedResults.File(response.ToByteArray(), Protobuf);
    }

    private static ProblemHttpResult BadRequest(string detail, int status = StatusCodes.Status400BadRequest) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: "Invalid OTLP request",
            extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { ["body"] = [detail] } });
}
