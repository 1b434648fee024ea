using AspireMicro.Publishing.Tests.Infrastructure;
using YamlDotNet.RepresentationModel;

namespace AspireMicro.Publishing.Tests.Compose;

[Collection(PublishedAppCollection.Name)]
public sealed class ComposeTests(PublishedApp app)
{
    private YamlMappingNode Services => (YamlMappingNode)YamlDocuments.Load(PublishedApp.Read(app.Compose, "docker-compose.yaml")).Single().At("services")!;

    /// <summary>Debian's docker-compose (1.29) validates the file against the compose schema, with .env.example filled in.</summary>
    private static async Task<(int ExitCode, string Output)> ComposeConfigAsync(string folder)
    {
        var values = File.ReadAllLines(Path.Combine(folder, ".env.example")).Where(l => l.EndsWith('=')).Select(l => l + "a1b2c3d4");
        File.WriteAllLines(Path.Combine(folder, ".env"), values);
        var (exitCode, stdout, stderr) = await ProcessRunner.RunAsync("docker-compose", folder, ["config", "-q"], TimeSpan.FromMinutes(1));
        return (exitCode, stdout + stderr);
    }

    private static TempDirectory CopyOf(string folder, string? compose = null)
    {
        var temp = new TempDirectory();
        File.WriteAllText(temp.Combine("docker-compose.yaml"), compose ?? File.ReadAllText(Path.Combine(folder, "docker-compose.yaml")));
        File.Copy(Path.Combine(folder, ".env.example"), temp.Combine(".env.example"));
        return temp;
    }

    [Fact]
    public async Task Docker_compose_config_accepts_the_file()
    {
        using var temp = CopyOf(app.Compose);

        var (exitCode, output) = await ComposeConfigAsync(temp.Path);

        Assert.True(exitCode == 0, output);
    }

    [Fact]
    public async Task Docker_compose_config_rejects_a_yaml_1_1_boolean_in_a_command()
    {
        using var temp = CopyOf(app.Compose, PublishedApp.Read(app.Compose, "docker-compose.yaml").Replace("- \"yes\"", "- yes", StringComparison.Ordinal));

        var (exitCode, output) = await ComposeConfigAsync(temp.Path);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("services.redis.command contains true", output);
    }

    [Fact]
    public void Every_resource_is_a_non_root_service_with_images_named_registry_resource_tag()
    {
        var names = Services.Children.Keys.Select(k => ((YamlScalarNode)k).Value).Order();

        Assert.Equal(["analytics", "basket", "catalog", "gateway", "identity", "messaging", "ordering", "otel-collector", "payment", "postgres", "redis", "storefront"], names);
        Assert.Equal("localhost:5000/catalog:latest", Services.Text("catalog", "image"));
        Assert.StartsWith("docker.io/library/postgres:", Services.Text("postgres", "image"));
        Assert.Equal("2", Services.Text("catalog", "deploy", "replicas"));
        Assert.Equal("1654", Services.Text("catalog", "user"));
        Assert.Equal("999:999", Services.Text("postgres", "user"));
        Assert.Equal("http://otel-collector:4317", Services.Text("catalog", "environment", "OTEL_EXPORTER_OTLP_ENDPOINT"));
    }

    [Fact]
    public void References_become_service_names_and_passwords_come_from_the_env_file()
    {
        Assert.Equal("Host=postgres;Port=5432;Username=postgres;Password=${POSTGRES_PASSWORD:?set POSTGRES_PASSWORD in .env};Database=catalogdb",
            Services.Text("catalog", "environment", "ConnectionStrings__catalogdb"));
        Assert.Equal("http://catalog:8080", Services.Text("gateway", "environment", "services__catalog__http__0"));
        Assert.Equal("service_healthy", Services.Text("catalog", "depends_on", "postgres", "condition"));
        Assert.Equal(["BASKET_CLIENT_SECRET=", "IDENTITY_ADMIN_PASSWORD=", "IDENTITY_BUYER_PASSWORD=", "MESSAGING_PASSWORD=", "POSTGRES_PASSWORD=", "REDIS_PASSWORD=", "STOREFRONT_CLIENT_SECRET="],
            PublishedApp.Read(app.Compose, ".env.example").Split('\n').Where(l => l.Length > 0 && !l.StartsWith('#')));
        Assert.Equal("CREATE DATABASE \"catalogdb\";\nCREATE DATABASE \"orderingdb\";\nCREATE DATABASE \"paymentdb\";\nCREATE DATABASE \"identitydb\";\n", PublishedApp.Read(app.Compose, "postgres-init/01-databases.sql"));
    }

    [Fact]
    public void Only_external_projects_publish_host_ports()
    {
        var withPorts = Services.Children.Where(s => s.Value.At("ports") is not null).Select(s => ((YamlScalarNode)s.Key).Value).Order();

        // identity too: browsers are sent to its sign-in page.
        Assert.Equal(["gateway", "identity", "storefront"], withPorts);
        Assert.Equal("8080:8080", ((YamlScalarNode)((YamlSequenceNode)Services.At("gateway", "ports")!).Children[0]).Value);
    }
}
