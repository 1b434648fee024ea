using System.Text.Json;
using System.Text.Json.Nodes;
using AspireMicro.Publishing.Tests.Infrastructure;
using Json.Schema;

namespace AspireMicro.Publishing.Tests.Manifest;

public sealed class ManifestPublisherTests(ManifestOutput output) : IClassFixture<ManifestOutput>
{
    private static readonly string[] Projects = ["catalog", "ordering", "basket", "payment", "analytics", "gateway", "storefront"];

    private JsonObject Resources => JsonNode.Parse(output.Read("aspire-manifest.json"))!["resources"]!.AsObject();

    [Fact]
    public void Manifest_validates_against_the_aspire_8_schema()
    {
        var schema = JsonSchema.FromFile(RepositoryPaths.AspireManifestSchema);
        using var manifest = JsonDocument.Parse(output.Read("aspire-manifest.json"));

        var result = schema.Evaluate(manifest.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });

        Assert.True(result.IsValid, string.Join("\n", (result.Details ?? []).Where(d => d.Errors is not null)
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
    }

    [Fact]
    public void Every_project_is_a_project_v0_with_a_path_relative_to_the_manifest()
    {
        foreach (var name in Projects)
        {
            var project = Resources[name]!;
            Assert.Equal("project.v0", (string?)project["type"]);
            var path = (string)project["path"]!;
            Assert.False(Path.IsPathRooted(path), path);
            Assert.True(File.Exists(Path.Combine(output.Path, path)), $"{name}: {path} does not resolve from the output folder");
        }
    }

    [Fact]
    public void References_become_aspire_expressions()
    {
        var catalogEnv = Resources["catalog"]!["env"]!;
        Assert.Equal("{catalogdb.connectionString}", (string?)catalogEnv["ConnectionStrings__catalogdb"]);
        Assert.Equal("{redis.connectionString}", (string?)catalogEnv["ConnectionStrings__redis"]);
        var gatewayEnv = Resources["gateway"]!["env"]!;
        Assert.Equal("{catalog.bindings.http.url}", (string?)gatewayEnv["services__catalog__http__0"]);
        Assert.Equal("{catalog.bindings.http.url}", (string?)gatewayEnv["services__catalog__http__1"]);
        Assert.Equal("{postgres.connectionString};Database=catalogdb", (string?)Resources["catalogdb"]!["connectionString"]);
        Assert.Equal("value.v0", (string?)Resources["catalogdb"]!["type"]);
    }

    [Fact]
    public void Backing_stores_are_containers_with_images_and_the_password_as_a_generated_secret_input()
    {
        Assert.Equal("docker.io/library/postgres:17", (string?)Resources["postgres"]!["image"]);
        Assert.Equal("container.v0", (string?)Resources["redis"]!["type"]);
        Assert.Equal("container.v0", (string?)Resources["messaging"]!["type"]);
        Assert.Equal("{postgres-password.value}", (string?)Resources["postgres"]!["env"]!["POSTGRES_PASSWORD"]);
        Assert.Contains("{postgres-password.value}", (string?)Resources["postgres"]!["connectionString"]);

        var input = Resources["postgres-password"]!["inputs"]!["value"]!;
        Assert.Equal("parameter.v0", (string?)Resources["postgres-password"]!["type"]);
        Assert.True((bool)input["secret"]!);
        Assert.Equal(22, (int)input["default"]!["generate"]!["minLength"]!);
        // Generated passwords of redis/rabbitmq are inputs too, even though they are not model resources.
        Assert.Equal("parameter.v0", (string?)Resources["redis-password"]!["type"]);
        Assert.Equal("parameter.v0", (string?)Resources["messaging-password"]!["type"]);
    }

    [Fact]
    public void Only_gateway_and_storefront_bindings_are_external()
    {
        var external = Resources.Where(r => (bool?)r.Value!["bindings"]?["http"]?["external"] == true).Select(r => r.Key).Order();

        Assert.Equal(["gateway", "storefront"], external);
    }
}
