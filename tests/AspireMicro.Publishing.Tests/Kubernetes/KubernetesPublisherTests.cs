using AspireMicro.Publishing.Tests.Infrastructure;
using k8s;
using k8s.Models;
using YamlDotNet.RepresentationModel;

namespace AspireMicro.Publishing.Tests.Kubernetes;

public sealed class KubernetesPublisherTests(KubernetesOutput output) : IClassFixture<KubernetesOutput>
{
    private static readonly string[] Projects = ["catalog", "ordering", "basket", "payment", "analytics", "gateway", "storefront"];

    [Fact]
    public void Every_object_round_trips_through_its_typed_model_without_unknown_or_lost_fields()
    {
        var checkedObjects = 0;
        foreach (var file in output.ObjectFiles)
        {
            var yaml = output.Read(file);
            // strict: a field the typed model does not know (a typo, a wrong nesting) throws.
            var objects = KubernetesYaml.LoadAllFromString(yaml, null, strict: true);
            var originals = YamlDocuments.Load(yaml);
            Assert.Equal(originals.Count, objects.Count);
            for (var i = 0; i < objects.Count; i++)
            {
                var reserialized = YamlDocuments.Load(KubernetesYaml.Serialize(objects[i])).Single();
                Assert.Equal(YamlDocuments.KeyPaths(originals[i]), YamlDocuments.KeyPaths(reserialized));
                checkedObjects++;
            }
        }

        Assert.True(checkedObjects >= 7 * 3 + 3 * 2 + 1, $"only {checkedObjects} objects");
    }

    [Fact]
    public async Task Every_object_validates_against_the_kubernetes_api_schemas()
    {
        var files = output.ObjectFiles.Select(f => Path.Combine(output.Path, f)).ToList();

        var (exitCode, report) = await KubernetesApiSchemas.ValidateAsync(files);

        Assert.True(exitCode == 0, report);
        Assert.Contains("\"failures\":[]", report);
    }

    [Fact]
    public async Task The_api_schema_check_rejects_a_wrongly_typed_field()
    {
        var broken = Path.Combine(output.Path, "..", $"broken-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(broken, output.Read("catalog.yaml").Replace("replicas: 2", "replicas: two", StringComparison.Ordinal));
        try
        {
            var (exitCode, report) = await KubernetesApiSchemas.ValidateAsync([broken]);

            Assert.Equal(1, exitCode);
            Assert.Contains("spec/replicas must be integer", report);
        }
        finally
        {
            File.Delete(broken);
        }
    }

    [Fact]
    public void Every_project_is_a_deployment_with_replicas_probes_resources_and_a_cluster_ip_service()
    {
        foreach (var name in Projects)
        {
            var deployment = KubernetesYaml.Deserialize<V1Deployment>(ToYaml(output.Object($"{name}.yaml", "Deployment")), strict: true);
            var service = KubernetesYaml.Deserialize<V1Service>(ToYaml(output.Object($"{name}.yaml", "Service")), strict: true);
            var container = deployment.Spec.Template.Spec.Containers.Single();

            Assert.Equal(name == "catalog" ? 2 : 1, deployment.Spec.Replicas);
            Assert.Equal($"localhost:5000/{name}:latest", container.Image);
            Assert.Equal("/alive", container.LivenessProbe.HttpGet.Path);
            Assert.Equal("/health", container.ReadinessProbe.HttpGet.Path);
            Assert.NotNull(container.Resources.Requests["memory"]);
            Assert.NotNull(container.Resources.Limits["memory"]);
            Assert.Equal("ClusterIP", service.Spec.Type);
            Assert.Equal(8080, service.Spec.Ports.Single().Port);
            Assert.Equal(deployment.Spec.Selector.MatchLabels, service.Spec.Selector);
        }
    }

    [Fact]
    public void Service_discovery_points_at_service_dns_names_and_plain_settings_live_in_a_config_map()
    {
        var config = KubernetesYaml.Deserialize<V1ConfigMap>(ToYaml(output.Object("gateway.yaml", "ConfigMap")), strict: true);

        Assert.Equal("http://catalog:8080", config.Data["services__catalog__http__0"]);
        Assert.Equal("http://catalog:8080", config.Data["services__catalog__http__1"]);
        Assert.Equal("http://+:8080", config.Data["ASPNETCORE_URLS"]);
        var deployment = KubernetesYaml.Deserialize<V1Deployment>(ToYaml(output.Object("gateway.yaml", "Deployment")), strict: true);
        Assert.Equal("gateway-env", deployment.Spec.Template.Spec.Containers.Single().EnvFrom.Single().ConfigMapRef.Name);
    }

    [Fact]
    public void Connection_strings_use_statefulset_service_names_and_take_the_password_from_the_secret()
    {
        var deployment = KubernetesYaml.Deserialize<V1Deployment>(ToYaml(output.Object("catalog.yaml", "Deployment")), strict: true);
        var env = deployment.Spec.Template.Spec.Containers.Single().Env.ToList();
        var config = KubernetesYaml.Deserialize<V1ConfigMap>(ToYaml(output.Object("catalog.yaml", "ConfigMap")), strict: true);

        var password = env.Single(e => e.Name == "POSTGRES_PASSWORD");
        Assert.Equal("parameters", password.ValueFrom.SecretKeyRef.Name);
        Assert.Equal("postgres-password", password.ValueFrom.SecretKeyRef.Key);
        Assert.Equal("Host=postgres;Port=5432;Username=postgres;Password=$(POSTGRES_PASSWORD);Database=catalogdb",
            env.Single(e => e.Name == "ConnectionStrings__catalogdb").Value);
        Assert.Equal("redis:6379,password=$(REDIS_PASSWORD)", env.Single(e => e.Name == "ConnectionStrings__redis").Value);
        Assert.Equal("amqp://guest:$(MESSAGING_PASSWORD)@messaging:5672", env.Single(e => e.Name == "ConnectionStrings__messaging").Value);
        // $(VAR) only expands variables defined earlier in the list.
        Assert.True(env.FindIndex(e => e.Name == "POSTGRES_PASSWORD") < env.FindIndex(e => e.Name == "ConnectionStrings__catalogdb"));
        Assert.DoesNotContain(config.Data.Keys, k => k.StartsWith("ConnectionStrings__", StringComparison.Ordinal));
    }

    [Fact]
    public void Backing_stores_are_statefulsets_with_volume_claims_and_headless_services()
    {
        foreach (var (name, port) in new[] { ("postgres", 5432), ("redis", 6379), ("messaging", 5672) })
        {
            var set = KubernetesYaml.Deserialize<V1StatefulSet>(ToYaml(output.Object($"{name}.yaml", "StatefulSet")), strict: true);
            var service = KubernetesYaml.Deserialize<V1Service>(ToYaml(output.Object($"{name}.yaml", "Service")), strict: true);

            Assert.Equal(name, set.Spec.ServiceName);
            Assert.Equal("data", set.Spec.VolumeClaimTemplates.Single().Metadata.Name);
            Assert.Equal("None", service.Spec.ClusterIP);
            Assert.Equal(port, service.Spec.Ports.Single().Port);
        }

        var init = KubernetesYaml.Deserialize<V1ConfigMap>(ToYaml(output.Object("postgres.yaml", "ConfigMap")), strict: true);
        Assert.Equal("CREATE DATABASE \"catalogdb\";\nCREATE DATABASE \"orderingdb\";\nCREATE DATABASE \"paymentdb\";\n", init.Data["01-databases.sql"]);
    }

    [Fact]
    public void Only_gateway_and_storefront_are_exposed_through_the_ingress()
    {
        var ingress = KubernetesYaml.Deserialize<V1Ingress>(output.Read("ingress.yaml"), strict: true);

        Assert.Equal(["gateway.localtest.me", "storefront.localtest.me"], ingress.Spec.Rules.Select(r => r.Host));
        Assert.Equal(["gateway", "storefront"], ingress.Spec.Rules.Select(r => r.Http.Paths.Single().Backend.Service.Name));
        var services = output.ObjectFiles.SelectMany(f => output.Documents(f)).Where(d => d.Text("kind") == "Service");
        Assert.All(services, s => Assert.NotEqual("LoadBalancer", s.Text("spec", "type")));
        Assert.All(services, s => Assert.NotEqual("NodePort", s.Text("spec", "type")));
    }

    [Fact]
    public void Kustomization_lists_every_file_and_generates_the_parameters_secret_from_a_user_env_file()
    {
        var kustomization = output.Documents("kustomization.yaml").Single();
        var resources = ((YamlSequenceNode)kustomization.At("resources")!).Children.Select(c => ((YamlScalarNode)c).Value).Order();

        Assert.Equal(output.ObjectFiles.Order(), resources);
        var generator = (YamlMappingNode)((YamlSequenceNode)kustomization.At("secretGenerator")!).Children.Single();
        Assert.Equal("parameters", generator.Text("name"));
        Assert.False(File.Exists(Path.Combine(output.Path, "parameters.env")), "the env file with real values is the user's, never generated");
        Assert.Equal(["messaging-password=", "postgres-password=", "redis-password="],
            output.Read("parameters.env.example").Split('\n').Where(l => l.Length > 0 && !l.StartsWith('#')));
    }

    private static string ToYaml(YamlMappingNode node)
    {
        var writer = new StringWriter();
        new YamlStream(new YamlDocument(node)).Save(writer, assignAnchors: false);
        return writer.ToString();
    }
}
