using AspireMicro.Hosting.ApplicationModel;
using AspireMicro.Hosting.Testing;

namespace AspireMicro.Hosting.Tests.Model;

public sealed class BuilderTests
{
    private static readonly ProjectMetadata Catalog = new("/src/Catalog.Api/Catalog.Api.csproj", "/src/Catalog.Api/bin/Catalog.Api.dll");
    private static readonly DistributedApplicationExecutionContext Publish = new(DistributedApplicationOperation.Publish, "manifest");

    [Fact]
    public void AddProject_adds_a_project_with_an_http_endpoint_and_its_metadata()
    {
        var builder = DistributedApplicationTestingBuilder.Create();

        var catalog = builder.AddProject("catalog", Catalog);

        Assert.Same(catalog.Resource, Assert.Single(builder.Resources));
        Assert.Equal("/src/Catalog.Api/bin/Catalog.Api.dll", catalog.Resource.Metadata.AssemblyPath);
        var endpoint = Assert.Single(catalog.Resource.GetEndpointAnnotations());
        Assert.Equal(("http", "http", false), (endpoint.Name, endpoint.Scheme, endpoint.IsExternal));
    }

    [Fact]
    public void Adding_two_resources_with_the_same_name_fails_naming_the_resource()
    {
        var builder = DistributedApplicationTestingBuilder.Create();
        builder.AddRedis("cache");

        var error = Assert.Throws<DistributedApplicationException>(() => builder.AddRabbitMQ("cache"));

        Assert.Contains("'cache'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1abc")]
    [InlineData("has space")]
    [InlineData("double--hyphen")]
    [InlineData("trailing-")]
    public void Invalid_resource_names_are_rejected(string name)
    {
        var builder = DistributedApplicationTestingBuilder.Create();

        Assert.Throws<DistributedApplicationException>(() => builder.AddRedis(name));
    }

    [Fact]
    public void WithReplicas_WaitFor_and_WithExternalHttpEndpoints_are_recorded_as_annotations()
    {
        var builder = DistributedApplicationTestingBuilder.Create();
        var redis = builder.AddRedis("redis");

        var catalog = builder.AddProject("catalog", Catalog).WithReplicas(3).WaitFor(redis).WithExternalHttpEndpoints();

        Assert.Equal(3, catalog.Resource.GetReplicaCount());
        Assert.Same(redis.Resource, Assert.Single(catalog.Resource.GetWaitTargets()));
        Assert.True(catalog.Resource.GetEndpointAnnotations().Single().IsExternal);
    }

    [Fact]
    public void A_database_implicitly_waits_for_its_server()
    {
        var builder = DistributedApplicationTestingBuilder.Create();
        var pg = builder.AddPostgres("pg");

        var db = pg.AddDatabase("catalogdb", "catalog");

        Assert.Same(pg.Resource, Assert.Single(db.Resource.GetWaitTargets()));
        Assert.Equal("catalog", pg.Resource.Databases["catalogdb"]);
    }

    [Fact]
    public async Task WithReference_to_a_database_injects_ConnectionStrings_with_the_manifest_expression()
    {
        var builder = DistributedApplicationTestingBuilder.Create();
        var db = builder.AddPostgres("pg").AddDatabase("catalogdb");

        var catalog = builder.AddProject("catalog", Catalog).WithReference(db);

        var environment = await catalog.Resource.GetEnvironmentAsync(Publish);
        var value = Assert.IsAssignableFrom<IManifestExpressionProvider>(environment["ConnectionStrings__catalogdb"]);
        Assert.Equal("{catalogdb.connectionString}", value.ValueExpression);
        Assert.Equal("{pg.connectionString};Database=catalogdb", db.Resource.ConnectionStringExpression.ValueExpression);
    }

    [Fact]
    public async Task WithReference_to_a_replicated_project_injects_one_services_variable_per_replica()
    {
        var builder = DistributedApplicationTestingBuilder.Create();
        var catalog = builder.AddProject("catalog", Catalog);

        var gateway = builder.AddProject("gateway", Catalog with { AssemblyPath = "/src/Gateway.dll" }).WithReference(catalog);
        catalog.WithReplicas(2); // after WithReference on purpose: the callback reads the final model

        var environment = await gateway.Resource.GetEnvironmentAsync(Publish);
        Assert.Equal(["services__catalog__http__0", "services__catalog__http__1"], environment.Keys.Order());
        var second = Assert.IsType<EndpointReference>(environment["services__catalog__http__1"]);
        Assert.Equal((1, "{catalog.bindings.http.url}"), (second.ReplicaIndex, second.ValueExpression));
    }

    [Fact]
    public async Task WithEnvironment_and_WithArgs_keep_late_bound_values_until_resolution()
    {
        var builder = DistributedApplicationTestingBuilder.Create();
        var redis = builder.AddRedis("redis");
        var tool = builder.AddExecutable("tool", "/bin/echo", ".", "--port")
            .WithArgs(redis.Resource.PrimaryEndpoint.Property(EndpointProperty.Port))
            .WithEnvironment("PLAIN", "1")
            .WithEnvironment("REDIS_URL", ReferenceExpression.Create($"redis://{redis.Resource.PrimaryEndpoint.Property(EndpointProperty.HostAndPort)}"));

        var args = await tool.Resource.GetArgumentsAsync(Publish);
        var environment = await tool.Resource.GetEnvironmentAsync(Publish);

        Assert.Equal("--port", args[0]);
        Assert.Equal("{redis.bindings.tcp.port}", Assert.IsAssignableFrom<IManifestExpressionProvider>(args[1]).ValueExpression);
        Assert.Equal("1", environment["PLAIN"]);
        Assert.Equal("redis://{redis.bindings.tcp.host}:{redis.bindings.tcp.port}", ((ReferenceExpression)environment["REDIS_URL"]).ValueExpression);
    }

    [Fact]
    public void WithDataDirectory_resolves_a_relative_path_against_the_AppHost_folder()
    {
        var builder = DistributedApplicationTestingBuilder.Create();

        var pg = builder.AddPostgres("pg").WithDataDirectory("data/pg");

        Assert.True(pg.Resource.TryGetLastAnnotation<DataDirectoryAnnotation>(out var data));
        Assert.Equal(Path.GetFullPath(Path.Combine(builder.AppHostDirectory, "data/pg")), data.Path);
    }

    [Fact]
    public void Publish_command_line_yields_a_publish_mode_execution_context()
    {
        var builder = DistributedApplicationTestingBuilder.Create("publish", "--target", "kubernetes", "--output", "/tmp/x");

        Assert.True(builder.ExecutionContext.IsPublishMode);
        Assert.Equal("kubernetes", builder.ExecutionContext.PublisherTarget);
    }
}
