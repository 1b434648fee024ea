using k8s.Models;

namespace AspireMicro.Hosting.Publishing.Kubernetes;

/// <summary>Requests/limits: without them the scheduler cannot pack pods and one leaking service can starve a node.</summary>
internal static class KubernetesResources
{
    public static V1ResourceRequirements Requirements(string cpuRequest, string memoryRequest, string cpuLimit, string memoryLimit) => new()
    {
        Requests = new Dictionary<string, ResourceQuantity>(StringComparer.Ordinal)
        {
            ["cpu"] = new ResourceQuantity(cpuRequest),
            ["memory"] = new ResourceQuantity(memoryRequest),
        },
        Limits = new Dictionary<string, ResourceQuantity>(StringComparer.Ordinal)
        {
            ["cpu"] = new ResourceQuantity(cpuLimit),
            ["memory"] = new ResourceQuantity(memoryLimit),
        },
    };
}
