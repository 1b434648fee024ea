using System.Text.Json.Serialization;

namespace AspireMicro.Dashboard.Telemetry.Model;

/// <summary>The process that sent telemetry, identified by service.name and service.instance.id.</summary>
public sealed record TelemetryResource(string Service, string Instance, IReadOnlyList<TelemetryAttribute> Attributes)
{
    [JsonIgnore]
    public string Key => ResourceKey.Of(Service, Instance);
}
