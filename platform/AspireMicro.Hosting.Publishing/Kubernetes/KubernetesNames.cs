using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace AspireMicro.Hosting.Publishing.Kubernetes;

/// <summary>Names and labels shared by the generated objects, so selectors, Services and kustomize agree.</summary>
internal static class KubernetesNames
{
    /// <summary>kustomize secretGenerator name; it appends a content hash and rewrites every secretKeyRef to it.</summary>
    public const string ParametersSecret = "parameters";

    /// <summary>The env file the user supplies (never generated: it holds the real values).</summary>
    public const string ParametersEnvFile = "parameters.env";

    public const string NameLabel = "app.kubernetes.io/name";

    public static string Of(IResource resource) => resource.Name.ToLowerInvariant();

    /// <summary>Environment variable a container reads a parameter from, e.g. postgres-password → POSTGRES_PASSWORD.</summary>
    public static string EnvOf(ParameterResource parameter) => parameter.Name.ToUpperInvariant().Replace('-', '_');

    public static Dictionary<string, string> Selector(IResource resource) => new(StringComparer.Ordinal) { [NameLabel] = Of(resource) };

    /// <summary>Labels in a fixed order (YAML keeps dictionary order; determinism needs a stable one).</summary>
    public static Dictionary<string, string> Labels(IResource resource, string component) => new(StringComparer.Ordinal)
    {
        ["app.kubernetes.io/component"] = component,
        ["app.kubernetes.io/managed-by"] = "aspiremicro",
        [NameLabel] = Of(resource),
    };
}
