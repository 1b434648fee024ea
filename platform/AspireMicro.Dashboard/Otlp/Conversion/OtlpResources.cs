using AspireMicro.Dashboard.Otlp.Proto.Resource.V1;
using AspireMicro.Dashboard.Telemetry.Model;

namespace AspireMicro.Dashboard.Otlp.Conversion;

public static class OtlpResources
{
    public static TelemetryResource ToResource(Resource? resource)
    {
        var attributes = resource is null ? [] : OtlpValues.ToAttributes(resource.Attributes);
        var service = attributes.FirstOrDefault(a => a.Key == "service.name")?.Value;
        var instance = attributes.FirstOrDefault(a => a.Key == "service.instance.id")?.Value ?? "";
        return new TelemetryResource(string.IsNullOrEmpty(service) ? "unknown_service" : StringPool.Share(service), StringPool.Share(instance), attributes);
    }
}
