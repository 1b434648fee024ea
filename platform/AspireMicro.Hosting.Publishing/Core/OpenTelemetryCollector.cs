namespace AspireMicro.Hosting.Publishing;

/// <summary>
/// The OpenTelemetry Collector (contrib) that Kubernetes and compose deploy beside the services, with its image's
/// default configuration: OTLP in on 4317 (gRPC) and 4318 (HTTP). The services export to it, so telemetry keeps
/// flowing without the Aspire dashboard; the operator points its exporters where telemetry belongs (ECS uses AWS's
/// distribution instead, to X-Ray and CloudWatch).
/// </summary>
internal static class OpenTelemetryCollector
{
    public const string Name = "otel-collector";

    public const string Image = "docker.io/otel/opentelemetry-collector-contrib:0.120.0";

    public const int GrpcPort = 4317;

    public const int HttpPort = 4318;

    /// <summary>The collector image's own non-root user.</summary>
    public const long User = 10001;

    /// <summary>What a service sets as OTEL_EXPORTER_OTLP_ENDPOINT (with OTEL_EXPORTER_OTLP_PROTOCOL=grpc).</summary>
    public static string GrpcEndpoint => $"http://{Name}:{GrpcPort}";
}
