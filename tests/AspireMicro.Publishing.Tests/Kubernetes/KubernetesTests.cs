using AspireMicro.Publishing.Tests.Infrastructure;
using k8s;
using k8s.Models;
using YamlDotNet.RepresentationModel;

namespace AspireMicro.Publishing.Tests.Kubernetes;

[Collection(PublishedAppCollection.Name)]
public sealed class KubernetesTests(PublishedApp app)
{
    private IEnumerable<string> ObjectFiles => Directory.GetFiles(app.Kubernetes, "*.yaml").Select(f => Path.GetFileName(f)).Where(f => f != "kustomization.yaml");

    private List<YamlMappingNode> Documents(string file) => YamlDocuments.Load(PublishedApp.Read(app.Kubernetes, file));

    private T Object<T>(string file, string kind) => KubernetesYaml.Deserialize<T>(ToYaml(Documents(file).Single(d => d.Text("kind") == kind)), strict: true);

    /// <summary><c>kubectl kustomize</c> on a copy with parameters.env filled in, as an operator would apply it.</summary>
    private async Task<string> ExpandAsync(string folder)
    {
        var copy = Path.Combine(folder, "kustomized");
        Directory.CreateDirectory(copy);
        foreach (var file in Directory.GetFiles(app.Kubernetes))
        {
            File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        }

        var parameters = File.ReadAllLines(Path.Combine(copy, "parameters.env.example")).Where(l => l.EndsWith('=')).Select(l => l + "a1b2c3d4");
        File.WriteAllLines(Path.Combine(copy, "parameters.env"), parameters);
        var (exitCode, stdout, stderr) = await ProcessRunner.RunAsync("kubectl", copy, ["kustomize", "."], TimeSpan.FromMinutes(1));
        Assert.True(exitCode == 0, stderr);
        var expanded = Path.Combine(folder, "expanded.yaml");
        File.WriteAllText(expanded, stdout);
        return expanded;
    }

    [Fact]
    public async Task Every_object_of_the_expanded_kustomization_validates_against_the_kubernetes_api_schemas()
    {
        using var temp = new TempDirectory();
        var expanded = await ExpandAsync(temp.Path);

        var (exitCode, report) = await KubernetesApiSchemas.ValidateAsync([expanded]);

        Assert.True(exitCode == 0, report);
        Assert.Contains("\"failures\":[]", report);
        var objects = YamlDocuments.Load(File.ReadAllText(expanded));
        Assert.True(objects.Count >= (7 * 3) + (3 * 2) + 1 + 1 + 1, $"only {objects.Count} objects");
        // kustomize appended its content hash to the Secret and rewrote every reference to it.
        var secret = objects.Single(o => o.Text("kind") == "Secret").Text("metadata", "name")!;
        Assert.StartsWith("parameters-", secret);
        Assert.DoesNotContain("name: parameters\n", File.ReadAllText(expanded));
    }

    [Fact]
    public async Task The_api_schema_check_rejects_a_wrongly_typed_field()
    {
        using var temp = new TempDirectory();
        var broken = temp.Combine("broken.yaml");
        File.WriteAllText(broken, PublishedApp.Read(app.Kubernetes, "catalog.yaml").Replace("replicas: 2", "replicas: two", StringComparison.Ordinal));

        var (exitCode, report) = await KubernetesApiSchemas.ValidateAsync([broken]);

        Assert.Equal(1, exitCode);
        Assert.Contains("spec/replicas must be integer", report);
    }

    [Fact]
    public void Every_object_round_trips_through_its_typed_model_without_unknown_fields()
    {
        foreach (var file in ObjectFiles)
        {
            var yaml = PublishedApp.Read(app.Kubernetes, file);
            var objects = KubernetesYaml.LoadAllFromString(yaml, null, strict: true);
            var originals = YamlDocuments.Load(yaml);
            Assert.Equal(originals.Count, objects.Count);
            for (var i = 0; i < objects.Count; i++)
            {
                Assert.Equal(YamlDocuments.KeyPaths(originals[i]), YamlDocuments.KeyPaths(YamlDocuments.Load(KubernetesYaml.Serialize(objects[i])).Single()));
            }
        }
    }

    [Fact]
    public void Every_project_is_a_non_root_deployment_with_replicas_probes_resources_and_a_cluster_ip_service()
    {
        foreach (var name in PublishedApp.Projects)
        {
            var deployment = Object<V1Deployment>($"{name}.yaml", "Deployment");
            var service = Object<V1Service>($"{name}.yaml", "Service");
            var container = deployment.Spec.Template.Spec.Containers.Single();

            Assert.Equal(name == "catalog" ? 2 : 1, deployment.Spec.Replicas);
            Assert.Equal($"localhost:5000/{name}:latest", container.Image);
            Assert.Equal("/alive", container.LivenessProbe.HttpGet.Path);
            Assert.Equal("/health", container.ReadinessProbe.HttpGet.Path);
            Assert.NotNull(container.Resources.Requests["memory"]);
            Assert.NotNull(container.Resources.Limits["cpu"]);
            Assert.True(deployment.Spec.Template.Spec.SecurityContext.RunAsNonRoot);
            Assert.False(container.SecurityContext.AllowPrivilegeEscalation);
            Assert.Equal(["ALL"], container.SecurityContext.Capabilities.Drop);
            Assert.Equal("ClusterIP", service.Spec.Type);
            Assert.Equal(8080, service.Spec.Ports.Single().Port);
            Assert.Equal(deployment.Spec.Selector.MatchLabels, service.Spec.Selector);
        }
    }

    [Fact]
    public void Every_project_exports_telemetry_to_a_non_root_collector_deployed_beside_it()
    {
        var collector = Object<V1Deployment>("otel-collector.yaml", "Deployment");
        var service = Object<V1Service>("otel-collector.yaml", "Service");
        var container = collector.Spec.Template.Spec.Containers.Single();
        Assert.StartsWith("docker.io/otel/opentelemetry-collector-contrib:", container.Image, StringComparison.Ordinal);
        Assert.True(collector.Spec.Template.Spec.SecurityContext.RunAsNonRoot);
        Assert.Equal(["ALL"], container.SecurityContext.Capabilities.Drop);
        Assert.Contains(service.Spec.Ports, p => p.Port == 4317);
        foreach (var name in PublishedApp.Projects)
        {
            var environment = Object<V1ConfigMap>($"{name}.yaml", "ConfigMap").Data;
            Assert.Equal("http://otel-collector:4317", environment["OTEL_EXPORTER_OTLP_ENDPOINT"]);
            Assert.Equal("grpc", environment["OTEL_EXPORTER_OTLP_PROTOCOL"]);
            Assert.Equal(name, environment["OTEL_SERVICE_NAME"]);
        }
    }

    [Fact]
    public void References_use_service_dns_names_and_passwords_come_only_from_the_secret()
    {
        var gateway = Object<V1ConfigMap>("gateway.yaml", "ConfigMap");
        Assert.Equal("http://catalog:8080", gateway.Data["services__catalog__http__0"]);
        Assert.Equal("http://+:8080", gateway.Data["ASPNETCORE_URLS"]);

        var catalog = Object<V1Deployment>("catalog.yaml", "Deployment").Spec.Template.Spec.Containers.Single();
        var env = catalog.Env.ToList();
        Assert.Equal("catalog-env", catalog.EnvFrom.Single().ConfigMapRef.Name);
        var password = env.Single(e => e.Name == "POSTGRES_PASSWORD");
        Assert.Equal(("parameters", "postgres-password"), (password.ValueFrom.SecretKeyRef.Name, password.ValueFrom.SecretKeyRef.Key));
        Assert.Equal("Host=postgres;Port=5432;Username=postgres;Password=$(POSTGRES_PASSWORD);Database=catalogdb", env.Single(e => e.Name == "ConnectionStrings__catalogdb").Value);
        Assert.Equal("redis:6379,password=$(REDIS_PASSWORD)", env.Single(e => e.Name == "ConnectionStrings__redis").Value);
        Assert.Equal("amqp://guest:$(MESSAGING_PASSWORD)@messaging:5672", env.Single(e => e.Name == "ConnectionStrings__messaging").Value);
        // $(VAR) only expands variables defined earlier; no name twice.
        Assert.True(env.FindIndex(e => e.Name == "POSTGRES_PASSWORD") < env.FindIndex(e => e.Name == "ConnectionStrings__catalogdb"));
        Assert.Equal(env.Count, env.Select(e => e.Name).Distinct().Count());
        Assert.DoesNotContain(Object<V1ConfigMap>("catalog.yaml", "ConfigMap").Data.Keys, k => k.StartsWith("ConnectionStrings__", StringComparison.Ordinal));
    }

    [Fact]
    public void Backing_stores_are_non_root_statefulsets_with_volume_claims_headless_services_and_the_models_images()
    {
        foreach (var (name, image, port) in new[] { ("postgres", "postgres", 5432), ("redis", "redis", 6379), ("messaging", "rabbitmq", 5672) })
        {
            var set = Object<V1StatefulSet>($"{name}.yaml", "StatefulSet");
            var service = Object<V1Service>($"{name}.yaml", "Service");

            Assert.Equal(name, set.Spec.ServiceName);
            Assert.StartsWith($"docker.io/library/{image}:", set.Spec.Template.Spec.Containers.Single().Image);
            Assert.Equal("data", set.Spec.VolumeClaimTemplates.Single().Metadata.Name);
            Assert.True(set.Spec.Template.Spec.SecurityContext.RunAsNonRoot);
            Assert.Equal("None", service.Spec.ClusterIP);
            Assert.Equal(port, service.Spec.Ports.Single().Port);
        }

        var init = Object<V1ConfigMap>("postgres.yaml", "ConfigMap");
        Assert.Equal("CREATE DATABASE \"catalogdb\";\nCREATE DATABASE \"orderingdb\";\nCREATE DATABASE \"paymentdb\";\nCREATE DATABASE \"identitydb\";\n", init.Data["01-databases.sql"]);
    }

    [Fact]
    public void Only_gateway_and_storefront_are_exposed_through_the_ingress()
    {
        var ingress = KubernetesYaml.Deserialize<V1Ingress>(PublishedApp.Read(app.Kubernetes, "ingress.yaml"), strict: true);

        // identity too: browsers are sent to its sign-in page.
        Assert.Equal(["gateway.localtest.me", "storefront.localtest.me", "identity.localtest.me"], ingress.Spec.Rules.Select(r => r.Host));
        Assert.Equal(["gateway", "storefront", "identity"], ingress.Spec.Rules.Select(r => r.Http.Paths.Single().Backend.Service.Name));
        var services = ObjectFiles.SelectMany(Documents).Where(d => d.Text("kind") == "Service");
        Assert.All(services, s => Assert.DoesNotContain(s.Text("spec", "type"), new[] { "LoadBalancer", "NodePort" }));
    }

    [Fact]
    public void Kustomization_lists_every_file_and_generates_the_secret_from_a_user_env_file()
    {
        var kustomization = Documents("kustomization.yaml").Single();
        var resources = ((YamlSequenceNode)kustomization.At("resources")!).Children.Select(c => ((YamlScalarNode)c).Value).Order();

        Assert.Equal(ObjectFiles.Order(), resources);
        var generator = (YamlMappingNode)((YamlSequenceNode)kustomization.At("secretGenerator")!).Children.Single();
        Assert.Equal("parameters", generator.Text("name"));
        Assert.False(File.Exists(Path.Combine(app.Kubernetes, "parameters.env")), "the env file with real values is the user's, never generated");
        Assert.Equal(["basket-client-secret=", "identity-admin-password=", "identity-buyer-password=", "messaging-password=", "postgres-password=", "redis-password=", "storefront-client-secret="],
            PublishedApp.Read(app.Kubernetes, "parameters.env.example").Split('\n').Where(l => l.Length > 0 && !l.StartsWith('#')));
    }

    private static string ToYaml(YamlMappingNode node)
    {
        var writer = new StringWriter();
        new YamlStream(new YamlDocument(node)).Save(writer, assignAnchors: false);
        return writer.ToString();
    }
}
