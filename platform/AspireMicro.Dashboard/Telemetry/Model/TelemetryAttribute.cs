namespace AspireMicro.Dashboard.Telemetry.Model;

/// <summary>An OTLP attribute flattened to text: the UI only ever displays and filters on the text form.</summary>
public sealed record TelemetryAttribute(string Key, string Value);
