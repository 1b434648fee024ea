using System.Text;
using AspireMicro.Hosting.ApplicationModel;
using AspireMicro.Hosting.Publishing.Rendering;
using k8s;

namespace AspireMicro.Hosting.Publishing.Kubernetes;

/// <summary>
/// Kubernetes manifests built from KubernetesClient's typed models, one file per resource, tied together by
/// <c>kustomization.yaml</c>. Parameters become one kustomize-generated Secret from <c>parameters.env</c>, which the
/// user writes (a commented template is generated); apply with <c>kubectl apply -k</c>.
/// </summary>
public sealed class KubernetesPublisher : PublisherBase
{
    public KubernetesPublisher()
        : base(PublishSettings.Default)
    {
    }

    public KubernetesPublisher(DistributedApplicationOptions options)
        : base(PublishSettings.FromArgs(options.Args))
    {
    }

    public override string Target => "kubernetes";

    public override async Task<ArtifactSet> GenerateAsync(DistributedApplicationModel model, PublishOptions options, CancellationToken cancellationToken)
    {
        var plan = await DeploymentPlanBuilder.BuildAsync(model, options, cancellationToken);
        var renderer = new ServiceDnsRenderer();
        var artifacts = new ArtifactSet();
        var files = new List<string>();
        foreach (var store in plan.BackingStores)
        {
            var databases = store is PostgresServerResource server ? plan.DatabasesOf(server) : [];
            files.Add(Add(artifacts, KubernetesNames.Of(store), KubernetesBackingStoreObjects.Create(store, databases)));
        }

        foreach (var project in plan.Projects)
        {
            files.Add(Add(artifacts, project.DnsName, KubernetesProjectObjects.Create(project, Settings, renderer)));
        }

        if (KubernetesIngress.Create(plan.Projects, Settings) is { } ingress)
        {
            files.Add(Add(artifacts, "ingress", [ingress]));
        }

        artifacts.Add("kustomization.yaml", Kustomization.Create(files, plan.Parameters.Count > 0));
        if (plan.Parameters.Count > 0)
        {
            artifacts.Add($"{KubernetesNames.ParametersEnvFile}.example", ParametersTemplate(plan.Parameters));
        }

        return artifacts;
    }

    private static string Add(ArtifactSet artifacts, string name, IEnumerable<object> objects)
    {
        var file = $"{name}.yaml";
        artifacts.Add(file, KubernetesYaml.SerializeAll(objects));
        return file;
    }

    /// <summary>Names only, never values: the user copies it to parameters.env and fills it in (kept out of source control).</summary>
    private static string ParametersTemplate(IEnumerable<ParameterResource> parameters)
    {
        var text = new StringBuilder();
        text.Append("# Copy to ").Append(KubernetesNames.ParametersEnvFile).Append(" and fill in; kustomize turns it into the Secret '")
            .Append(KubernetesNames.ParametersSecret).Append("'.\n")
            .Append("# Generate passwords with: openssl rand -hex 16   (letters and digits only: values go into URIs unescaped)\n");
        foreach (var parameter in parameters)
        {
            text.Append(parameter.Name).Append("=\n");
        }

        return text.ToString();
    }
}
