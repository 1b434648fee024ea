using AspireMicro.Publishing.Tests.Infrastructure;
using YamlDotNet.RepresentationModel;

namespace AspireMicro.Publishing.Tests.Compose;

public sealed class ComposePublisherTests(ComposeOutput output) : IClassFixture<ComposeOutput>
{
    [Fact]
    public void Every_resource_is_a_service_with_images_named_registry_resource_tag()
    {
        var names = output.Services.Children.Keys.Select(k => ((YamlScalarNode)k).Value).Order();

        Assert.Equal(["analytics", "basket", "catalog", "gateway", "messaging", "ordering", "payment", "postgres", "redis", "storefront"], names);
        Assert.Equal("localhost:5000/catalog:latest", output.Services.Text("catalog", "image"));
        Assert.Equal("docker.io/library/postgres:17", output.Services.Text("postgres", "image"));
        Assert.Equal("2", output.Services.Text("catalog", "deploy", "replicas"));
    }

    [Fact]
    public void References_become_service_names_and_passwords_come_from_the_env_file()
    {
        Assert.Equal("Host=postgres;Port=5432;Username=postgres;Password=${POSTGRES_PASSWORD:?set POSTGRES_PASSWORD in .env};Database=catalogdb",
            output.Services.Text("catalog", "environment", "ConnectionStrings__catalogdb"));
        Assert.Equal("http://catalog:8080", output.Services.Text("gateway", "environment", "services__catalog__http__1"));
        Assert.Equal("service_healthy", output.Services.Text("catalog", "depends_on", "postgres", "condition"));
        Assert.Equal(["MESSAGING_PASSWORD=", "POSTGRES_PASSWORD=", "REDIS_PASSWORD="],
            output.Read(".env.example").Split('\n').Where(l => l.Length > 0 && !l.StartsWith('#')));
    }

    [Fact]
    public void Only_external_projects_publish_host_ports()
    {
        var withPorts = output.Services.Children.Where(s => s.Value.At("ports") is not null).Select(s => ((YamlScalarNode)s.Key).Value).Order();

        Assert.Equal(["gateway", "storefront"], withPorts);
        Assert.Equal("8080:8080", ((YamlScalarNode)((YamlSequenceNode)output.Services.At("gateway", "ports")!).Children[0]).Value);
    }
}
