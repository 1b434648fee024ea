using k8s.Models;

namespace AspireMicro.Hosting.Publishing.Kubernetes;

/// <summary>The only way into the cluster: one host rule per project with external endpoints ({name}.{domain}).</summary>
internal static class KubernetesIngress
{
    public static V1Ingress? Create(IEnumerable<ProjectDeployment> projects, PublishSettings settings)
    {
        var external = projects.Where(p => p.IsExternal && p.HttpPort is not null).ToList();
        if (external.Count == 0)
        {
            return null;
        }

        return new V1Ingress
        {
            ApiVersion = "networking.k8s.io/v1",
            Kind = "Ingress",
            Metadata = new V1ObjectMeta
            {
                Name = "ingress",
                Labels = new Dictionary<string, string>(StringComparer.Ordinal) { ["app.kubernetes.io/managed-by"] = "aspiremicro" },
            },
            Spec = new V1IngressSpec
            {
                Rules =
                [
                    .. external.Select(p => new V1IngressRule
                    {
                        Host = $"{p.DnsName}.{settings.Domain}",
                        Http = new V1HTTPIngressRuleValue
                        {
                            Paths =
                            [
                                new V1HTTPIngressPath
                                {
                                    Path = "/",
                                    PathType = "Prefix",
                                    Backend = new V1IngressBackend
                                    {
                                        Service = new V1IngressServiceBackend
                                        {
                                            Name = p.DnsName,
                                            Port = new V1ServiceBackendPort { Name = p.HttpPort!.Name },
                                        },
                                    },
                                },
                            ],
                        },
                    }),
                ],
            },
        };
    }
}
