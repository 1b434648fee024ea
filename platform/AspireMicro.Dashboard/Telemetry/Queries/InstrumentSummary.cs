namespace AspireMicro.Dashboard.Telemetry.Queries;

public sealed record InstrumentSummary(string Service, string Name, string Meter, string Type, string Unit, string Description);
