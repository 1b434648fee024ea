using YamlDotNet.Serialization;

namespace AspireMicro.Hosting.Publishing.Kubernetes;

/// <summary>kustomization.yaml: every generated file, plus the Secret generated from the user's parameters.env.</summary>
internal static class Kustomization
{
    public static string Create(IEnumerable<string> resourceFiles, bool hasParameters)
    {
        var document = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["apiVersion"] = "kustomize.config.k8s.io/v1beta1",
            ["kind"] = "Kustomization",
            ["resources"] = resourceFiles.ToList(),
        };
        if (hasParameters)
        {
            document["secretGenerator"] = new List<object>
            {
                new Dictionary<string, object>(StringComparer.Ordinal)
                {
                    ["name"] = KubernetesNames.ParametersSecret,
                    ["envs"] = new List<string> { KubernetesNames.ParametersEnvFile },
                },
            };
        }

        return new SerializerBuilder().Build().Serialize(document);
    }
}
