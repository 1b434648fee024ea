using AspireMicro.Hosting.Publishing.Rendering;
using k8s;

namespace AspireMicro.Hosting.Publishing.Kubernetes;

/// <summary>
/// Kubernetes manifests built from KubernetesClient's typed models, one file per resource, tied together by
/// <c>kustomization.yaml</c>. Parameters become one kustomize-generated Secret from <c>parameters.env</c>, which the
/// user writes (a names-only template is generated); apply with <c>kubectl apply -k</c>.
/// </summary>
public sealed class KubernetesEnvironmentResource(string name) : DeploymentEnvironmentResource(name, "kubernetes")
{
    /// <summary>Heads parameters.env.example; the user copies it to parameters.env (kept out of source control).</summary>
    private static readonly string ParametersHeader =
        $"# Copy to {KubernetesNames.ParametersEnvFile} and fill in; kustomize turns it into the Secret '{KubernetesNames.ParametersSecret}'.\n"
        + "# Generate passwords with: openssl rand -hex 16   (letters and digits only: values go into URIs unescaped)\n";

    protected override void Stage(DeploymentPlan plan, PublishSettings settings, ArtifactSet artifacts)
    {
        var renderer = new ServiceDnsRenderer();
        var files = new List<string>();
        foreach (var store in plan.BackingStores)
        {
            files.Add(Add(artifacts, store.DnsName, KubernetesBackingStoreObjects.Create(store)));
        }

        foreach (var project in plan.Projects)
        {
            files.Add(Add(artifacts, project.DnsName, KubernetesProjectObjects.Create(project, settings, renderer)));
        }

        if (plan.Projects.Count > 0)
        {
            files.Add(Add(artifacts, OpenTelemetryCollector.Name, KubernetesCollectorObjects.Create()));
        }

        if (KubernetesIngress.Create(plan.Projects, settings) is { } ingress)
        {
            files.Add(Add(artifacts, "ingress", [ingress]));
        }

        artifacts.Add("kustomization.yaml", Kustomization.Create(files, plan.Parameters.Count > 0));
        ParameterTemplate.AddTo(
            artifacts, $"{KubernetesNames.ParametersEnvFile}.example", ParametersHeader, plan.Parameters.Select(p => p.Name));
    }

    private static string Add(ArtifactSet artifacts, string name, IEnumerable<object> objects)
    {
        var file = $"{name}.yaml";
        artifacts.Add(file, KubernetesYaml.SerializeAll(objects));
        return file;
    }
}
