using AspireMicro.Hosting.ApplicationModel;
using AspireMicro.Hosting.Publishing.Rendering;
using YamlDotNet.Serialization;

namespace AspireMicro.Hosting.Publishing.Compose;

/// <summary>
/// docker-compose.yaml for one host with a container engine: backing stores with named volumes and health checks,
/// projects from their images, external endpoints published on host ports 8080, 8081…; secrets come from <c>.env</c>.
/// </summary>
public sealed class ComposePublisher : PlanPublisherBase
{
    public const string FileName = "docker-compose.yaml";

    public ComposePublisher()
        : this(null)
    {
    }

    public ComposePublisher(DistributedApplicationOptions? options)
        : base("compose", options)
    {
    }

    protected override void Stage(DeploymentPlan plan, ArtifactSet artifacts)
    {
        var renderer = new ServiceDnsRenderer();
        var services = new Dictionary<string, object>(StringComparer.Ordinal);
        var volumes = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var store in plan.BackingStores)
        {
            services[store.Name.ToLowerInvariant()] = ComposeServices.BackingStore(store);
            volumes[$"{store.Name.ToLowerInvariant()}-data"] = new Dictionary<string, object>();
            if (store is PostgresServerResource server)
            {
                var sql = string.Concat(plan.DatabasesOf(server).Select(d => $"CREATE DATABASE \"{d.DatabaseName.Replace("\"", "\"\"", StringComparison.Ordinal)}\";\n"));
                artifacts.Add($"{ComposeServices.InitFolder(store)}/01-databases.sql", sql);
            }
        }

        var hostPorts = HostPorts(plan.Projects);
        foreach (var project in plan.Projects)
        {
            services[project.DnsName] = ComposeServices.Project(project, Settings, renderer, hostPorts);
        }

        var document = new Dictionary<string, object>(StringComparer.Ordinal) { ["services"] = services };
        if (volumes.Count > 0)
        {
            document["volumes"] = volumes;
        }

        // Quote strings YAML would otherwise read as booleans or numbers ("true", "8080"): compose wants strings in environment.
        var yaml = new SerializerBuilder().WithQuotingNecessaryStrings().Build().Serialize(document);
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
