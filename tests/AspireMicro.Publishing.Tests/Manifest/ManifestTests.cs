using System.Text.Json;
using System.Text.Json.Nodes;
using AspireMicro.Publishing.Tests.Infrastructure;
using Json.Schema;

namespace AspireMicro.Publishing.Tests.Manifest;

/// <summary>Aspire's own publish-manifest step on the real AppHost.</summary>
[Collection(PublishedAppCollection.Name)]
public sealed class ManifestTests(PublishedApp app)
{
    private string Text => PublishedApp.Read(app.Manifest, "aspire-manifest.json");

    private JsonObject Resources => JsonNode.Parse(Text)!["resources"]!.AsObject();

    [Fact]
    public void Manifest_validates_against_the_aspire_8_schema()
    {
        var schema = JsonSchema.FromFile(RepositoryPaths.AspireManifestSchema);
        using var manifest = JsonDocument.Parse(Text);

        var result = schema.Evaluate(manifest.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });

        Assert.True(result.IsValid, string.Join("\n", (result.Details ?? []).Where(d => d.Errors is not null)
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
    }

    [Fact]
    public void Backing_stores_are_containers_of_the_official_images_never_executables()
    {
        foreach (var (name, image) in new[] { ("postgres", "docker.io/library/postgres:"), ("redis", "docker.io/library/redis:"), ("messaging", "docker.io/library/rabbitmq:") })
        {
            Assert.Equal("container.v0", (string?)Resources[name]!["type"]);
            Assert.StartsWith(image, (string?)Resources[name]!["image"]);
        }

        Assert.DoesNotContain(Resources, r => (string?)r.Value!["type"] == "executable.v0");
        Assert.Equal("{postgres-password.value}", (string?)Resources["postgres"]!["env"]!["POSTGRES_PASSWORD"]);
    }

    [Fact]
    public void Databases_are_values_and_passwords_generated_secret_parameters()
    {
        foreach (var db in new[] { "catalogdb", "orderingdb", "paymentdb" })
        {
            Assert.Equal("value.v0", (string?)Resources[db]!["type"]);
            Assert.Equal($"{{postgres.connectionString}};Database={db}", (string?)Resources[db]!["connectionString"]);
        }

        foreach (var parameter in new[] { "postgres-password", "redis-password", "messaging-password" })
        {
            var input = Resources[parameter]!["inputs"]!["value"]!;
            Assert.Equal("parameter.v0", (string?)Resources[parameter]!["type"]);
            Assert.True((bool)input["secret"]!);
            Assert.NotNull(input["default"]!["generate"]);
        }
    }

    [Fact]
    public void Projects_are_project_v0_with_references_as_expressions_and_only_gateway_and_storefront_external()
    {
        foreach (var name in PublishedApp.Projects)
        {
            Assert.Equal("project.v0", (string?)Resources[name]!["type"]);
            Assert.True(File.Exists(Path.GetFullPath(Path.Combine(app.Manifest, (string)Resources[name]!["path"]!))), name);
        }

        Assert.Equal("{catalogdb.connectionString}", (string?)Resources["catalog"]!["env"]!["ConnectionStrings__catalogdb"]);
        Assert.Equal("{catalog.bindings.http.url}", (string?)Resources["gateway"]!["env"]!["services__catalog__http__0"]);
        var external = Resources.Where(r => (bool?)r.Value!["bindings"]?["http"]?["external"] == true).Select(r => r.Key).Order();
        Assert.Equal(["gateway", "identity", "storefront"], external);
        Assert.DoesNotContain(Resources, r => r.Key is "k8s" or "ecs" or "compose");
    }
}
