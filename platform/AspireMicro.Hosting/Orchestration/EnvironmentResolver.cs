using System.Collections.Immutable;
using System.Globalization;
using AspireMicro.Hosting.ApplicationModel;

namespace AspireMicro.Hosting.Orchestration;

/// <summary>Builds the final environment of a project/executable instance: the platform's variables, then the model's callbacks.</summary>
internal static class EnvironmentResolver
{
    private static readonly string[] SecretNameHints = ["PASSWORD", "SECRET", "KEY", "TOKEN", "HEADERS", "CONNECTIONSTRINGS__"];

    public static async Task<(Dictionary<string, string> Values, ImmutableArray<EnvironmentVariableSnapshot> Snapshot)> ResolveAsync(
        ResourceInstance instance, DistributedApplicationExecutionContext executionContext, OtlpSettings? otlp, CancellationToken cancellationToken)
    {
        var raw = new Dictionary<string, object>(StringComparer.Ordinal);
        if (instance.Resource is ProjectResource)
        {
            var urls = instance.Resource.GetEndpointAnnotations()
                .Where(e => e.Scheme is "http" or "https")
                .Select(e => e.AllocatedEndpoints.GetValueOrDefault(instance.ReplicaIndex)?.Url)
                .OfType<string>();
            raw["ASPNETCORE_URLS"] = string.Join(';', urls);
            raw["ASPNETCORE_ENVIRONMENT"] = "Development";
            raw["DOTNET_ENVIRONMENT"] = "Development";
            // Services log through OpenTelemetry too; plain console lines keep the captured output readable.
            raw["Logging__Console__FormatterName"] = "simple";
        }

        raw["OTEL_SERVICE_NAME"] = instance.Resource.Name;
        raw["OTEL_RESOURCE_ATTRIBUTES"] = $"service.instance.id={instance.ServiceInstanceId}";
        // Short export intervals so the dashboard shows telemetry within a second during local development.
        raw["OTEL_BSP_SCHEDULE_DELAY"] = "1000";
        raw["OTEL_BLRP_SCHEDULE_DELAY"] = "1000";
        raw["OTEL_METRIC_EXPORT_INTERVAL"] = "1000";
        if (otlp is not null)
        {
            raw["OTEL_EXPORTER_OTLP_ENDPOINT"] = otlp.GrpcEndpointUrl;
            raw["OTEL_EXPORTER_OTLP_PROTOCOL"] = "grpc";
            raw["OTEL_EXPORTER_OTLP_HEADERS"] = $"x-otlp-api-key={otlp.ApiKey}";
        }

        foreach (var (name, value) in await instance.Resource.GetEnvironmentAsync(executionContext, cancellationToken))
        {
            raw[name] = value;
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var snapshot = ImmutableArray.CreateBuilder<EnvironmentVariableSnapshot>(raw.Count);
        foreach (var (name, value) in raw.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var resolved = await ResolveValueAsync(value, cancellationToken);
            values[name] = resolved;
            snapshot.Add(new EnvironmentVariableSnapshot(name, resolved, IsSecret(name, value)));
        }

        return (values, snapshot.ToImmutable());
    }

    public static async Task<string> ResolveValueAsync(object value, CancellationToken cancellationToken) => value switch
    {
        string text => text,
        IValueProvider provider => await provider.GetValueAsync(cancellationToken) ?? string.Empty,
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
    };

    private static bool IsSecret(string name, object value) =>
        value is ConnectionStringReference or ParameterResource { Secret: true }
        || (value is ReferenceExpression expression && expression.ValueProviders.Any(p => p is ParameterResource { Secret: true } or ConnectionStringReference))
        || SecretNameHints.Any(h => name.Contains(h, StringComparison.OrdinalIgnoreCase));
}
