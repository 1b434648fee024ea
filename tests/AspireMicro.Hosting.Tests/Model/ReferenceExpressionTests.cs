using AspireMicro.Hosting.ApplicationModel;
using AspireMicro.Hosting.Testing;

namespace AspireMicro.Hosting.Tests.Model;

public sealed class ReferenceExpressionTests
{
    [Fact]
    public async Task Connection_strings_resolve_to_the_Aspire_formats_once_ports_are_allocated()
    {
        var builder = DistributedApplicationTestingBuilder.Create();
        var password = builder.AddParameter("pw", "S3cret", secret: true);
        var pg = builder.AddPostgres("pg", password);
        var db = pg.AddDatabase("catalogdb");
        var redis = builder.AddRedis("redis", password: password);
        var rabbit = builder.AddRabbitMQ("messaging", password);
        Allocate(pg.Resource, 5433);
        Allocate(redis.Resource, 6380);
        Allocate(rabbit.Resource, 5673);

        Assert.Equal("Host=127.0.0.1;Port=5433;Username=postgres;Password=S3cret;Database=catalogdb", await db.Resource.ConnectionStringExpression.GetValueAsync());
        Assert.Equal("127.0.0.1:6380,password=S3cret", await redis.Resource.ConnectionStringExpression.GetValueAsync());
        Assert.Equal("amqp://guest:S3cret@127.0.0.1:5673", await rabbit.Resource.ConnectionStringExpression.GetValueAsync());
    }

    [Fact]
    public void Manifest_expressions_name_the_resource_binding_and_parameter()
    {
        var builder = DistributedApplicationTestingBuilder.Create();
        var pg = builder.AddPostgres("pg", builder.AddParameter("pg-pass", secret: true));

        var expression = pg.Resource.ConnectionStringExpression;

        Assert.Equal("Host={pg.bindings.tcp.host};Port={pg.bindings.tcp.port};Username=postgres;Password={pg-pass.value}", expression.ValueExpression);
        Assert.Equal("Host={0};Port={1};Username=postgres;Password={2}", expression.Format);
        Assert.Equal(3, expression.ValueProviders.Count);
    }

    [Fact]
    public async Task Literal_braces_survive_formatting()
    {
        var builder = DistributedApplicationTestingBuilder.Create();
        var value = builder.AddParameter("v", "x");

        var expression = ReferenceExpression.Create($"{{json}}:{value.Resource}");

        Assert.Equal("{json}:x", await expression.GetValueAsync());
        Assert.Equal("{json}:{v.value}", expression.ValueExpression);
    }

    [Fact]
    public async Task Resolving_an_endpoint_before_allocation_fails_naming_the_resource()
    {
        var builder = DistributedApplicationTestingBuilder.Create();
        var redis = builder.AddRedis("redis");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => redis.Resource.ConnectionStringExpression.GetValueAsync().AsTask());

        Assert.Contains("'redis'", error.Message, StringComparison.Ordinal);
    }

    private static void Allocate(INativeServerResource resource, int port) =>
        resource.PrimaryEndpoint.Annotation.SetAllocatedEndpoint(0, new AllocatedEndpoint("tcp", "127.0.0.1", port));
}
