namespace AspireMicro.Hosting.Orchestration;

/// <summary>Where services send telemetry when the dashboard runs.</summary>
public sealed record OtlpSettings(string GrpcEndpointUrl, string ApiKey);
