using AspireMicro.Hosting.Publishing.Rendering;
using YamlDotNet.Serialization;

namespace AspireMicro.Hosting.Publishing.Compose;

/// <summary>
/// docker-compose.yaml for one host with a container engine: backing stores with named volumes and health checks,
/// projects from their images, an OpenTelemetry Collector, external endpoints published on host ports 8080, 8081…;
/// parameters come from <c>.env</c> (a names-only <c>.env.example</c> is generated).
/// </summary>
public sealed class ComposeEnvironmentResource(string name) : DeploymentEnvironmentResource(name, "compose")
{
    public const string FileName = "docker-compose.yaml";

    protected override void Stage(DeploymentPlan plan, PublishSettings settings, ArtifactSet artifacts)
    {
        var renderer = new ServiceDnsRenderer();
        var services = new Dictionary<string, object>(StringComparer.Ordinal);
        var volumes = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var store in plan.BackingStores)
        {
            services[store.DnsName] = ComposeServices.BackingStore(store);
            volumes[$"{store.DnsName}-data"] = new Dictionary<string, object>();
            if (store.Kind == BackingStore.Postgres)
            {
                var sql = string.Concat(store.Databases.Select(d => $"CREATE DATABASE \"{d.DatabaseName.Replace("\"", "\"\"", StringComparison.Ordinal)}\";\n"));
                artifacts.Add($"{ComposeServices.InitFolder(store)}/01-databases.sql", sql);
            }
        }

        var hostPorts = HostPorts(plan.Projects);
        foreach (var project in plan.Projects)
        {
            services[project.DnsName] = ComposeServices.Project(project, settings, renderer, hostPorts);
        }

        if (plan.Projects.Count > 0)
        {
            services[OpenTelemetryCollector.Name] = ComposeServices.Collector();
        }

        var document = new Dictionary<string, object>(StringComparer.Ordinal) { ["services"] = services };
        if (volumes.Count > 0)
        {
            document["volumes"] = volumes;
        }

        // Quote every string YAML 1.1 would read as a boolean or number ("yes", "true", "8080"): docker-compose 1.x
        // parses YAML 1.1 and wants strings in command and environment.
        var yaml = new SerializerBuilder().WithQuotingNecessaryStrings(quoteYaml1_1Strings: true).Build().Serialize(document);
        artifacts.Add(FileName, yaml);
        ParameterTemplate.AddTo(
            artifacts,
            ".env.example",
            "# Copy to .env (next to docker-compose.yaml) and fill in. Passwords: openssl rand -hex 16\n",
            plan.Parameters.Select(ComposeServices.VariableOf));
    }

    /// <summary>Host ports for external endpoints: the one asked for in the model, else 8080, 8081… in declaration order.</summary>
    private static Dictionary<string, int> HostPorts(IEnumerable<ProjectDeployment> projects)
    {
        var ports = new Dictionary<string, int>(StringComparer.Ordinal);
        var next = ServicePort.FirstProjectPort;
        foreach (var project in projects)
        {
            foreach (var port in project.Ports.Where(p => p.Endpoint.IsExternal))
            {
                ports[$"{project.Name}/{port.Name}"] = port.Endpoint.Port ?? next++;
            }
        }

        return ports;
    }
}
