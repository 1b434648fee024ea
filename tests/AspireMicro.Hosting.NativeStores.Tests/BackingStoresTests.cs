using System.Diagnostics;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using AspireMicro.Hosting.NativeStores.Postgres;
using AspireMicro.Hosting.NativeStores.RabbitMQ;
using AspireMicro.Hosting.NativeStores.Redis;

namespace AspireMicro.Hosting.NativeStores.Tests;

/// <summary>The switch, on models only: no engine and no store needs to run.</summary>
public sealed class BackingStoresTests
{
    [Theory]
    [InlineData("native", false, true, BackingStoresMode.Native)]
    [InlineData("NATIVE", false, true, BackingStoresMode.Native)]
    [InlineData("containers", false, false, BackingStoresMode.Containers)]
    [InlineData("auto", false, true, BackingStoresMode.Containers)]
    [InlineData("auto", false, false, BackingStoresMode.Native)]
    [InlineData(null, false, false, BackingStoresMode.Native)]
    [InlineData("", false, true, BackingStoresMode.Containers)]
    [InlineData("native", true, false, BackingStoresMode.Containers)]
    [InlineData("auto", true, false, BackingStoresMode.Containers)]
    public void Setting_and_runtime_health_choose_the_mode_and_publish_mode_always_uses_containers(
        string? setting, bool publish, bool runtimeHealthy, BackingStoresMode expected) =>
        Assert.Equal(expected, BackingStores.Resolve(setting, publish, () => runtimeHealthy));

    [Fact]
    public void A_wrong_value_is_a_one_line_error_naming_the_setting_and_the_allowed_values()
    {
        var builder = TestApps.CreateBuilder("BackingStores=podman");
        var error = Assert.Throws<BackingStoresConfigurationException>(() => builder.AddBackingStores());
        Assert.Equal("Configuration 'BackingStores' has the value 'podman': allowed values are auto, native, containers.", error.Message);
    }

    [Fact]
    public void Auto_answers_native_fast_when_the_container_runtime_does_not_answer()
    {
        var clock = Stopwatch.StartNew();
        var stores = TestApps.CreateBuilder("BackingStores=auto", "ASPIRE_CONTAINER_RUNTIME=/nonexistent/docker").AddBackingStores();
        Assert.Equal(BackingStoresMode.Native, stores.Mode);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }

    [Fact]
    public void Docker_without_a_daemon_answers_within_the_probe_timeout()
    {
        // Here the docker CLI exists and no daemon runs: whatever it answers, it must answer fast.
        var clock = Stopwatch.StartNew();
        _ = BackingStores.IsContainerRuntimeHealthy("docker");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(6), $"took {clock.Elapsed}");
    }

    [Fact]
    public void Native_mode_yields_zero_container_resources_and_the_native_stores()
    {
        var builder = TestApps.CreateBuilder("BackingStores=native");
        var model = AddAll(builder);
        Assert.Equal(BackingStoresMode.Native, model.Stores.Mode);
        Assert.DoesNotContain(builder.Resources, r => r.Annotations.OfType<ContainerImageAnnotation>().Any());
        Assert.IsType<NativePostgresServerResource>(model.Postgres.Server.Resource);
        Assert.IsType<NativePostgresDatabaseResource>(model.Database.Resource);
        Assert.IsType<NativeRedisResource>(model.Redis.Resource);
        Assert.IsType<NativeRabbitMQServerResource>(model.RabbitMQ.Resource);
        AssertNamesAndPasswords(builder);
    }

    [Fact]
    public void Containers_mode_yields_Aspires_own_container_resources_under_the_same_names()
    {
        var builder = TestApps.CreateBuilder("BackingStores=containers");
        var model = AddAll(builder);
        Assert.Equal(BackingStoresMode.Containers, model.Stores.Mode);
        Assert.IsType<PostgresServerResource>(model.Postgres.Server.Resource);
        Assert.IsType<PostgresDatabaseResource>(model.Database.Resource);
        Assert.IsType<RedisResource>(model.Redis.Resource);
        Assert.IsType<RabbitMQServerResource>(model.RabbitMQ.Resource);
        foreach (var resource in new IResource[] { model.Postgres.Server.Resource, model.Redis.Resource, model.RabbitMQ.Resource })
        {
            Assert.Single(resource.Annotations.OfType<ContainerImageAnnotation>());
        }

        Assert.DoesNotContain(builder.Resources, r => r is NativeStoreResource);
        AssertNamesAndPasswords(builder);
    }

    [Fact]
    public void Connection_strings_have_the_same_shape_in_both_modes()
    {
        foreach (var mode in new[] { "native", "containers" })
        {
            var builder = TestApps.CreateBuilder($"BackingStores={mode}");
            var model = AddAll(builder);
            Assert.Equal("Host={pg.bindings.tcp.host};Port={pg.bindings.tcp.port};Username=postgres;Password={pg-password.value}",
                model.Postgres.Server.Resource.ConnectionStringExpression.ValueExpression);
            Assert.Equal("{pg.connectionString};Database=db", model.Database.Resource.ConnectionStringExpression.ValueExpression);
            // Aspire's container appends a conditional ",ssl=true" part for TLS, empty without it.
            Assert.StartsWith("{redis.bindings.tcp.host}:{redis.bindings.tcp.port},password={redis-password.value}",
                model.Redis.Resource.ConnectionStringExpression.ValueExpression);
            // The native broker uri-encodes the password (safe for any character); Aspire 13.6.5's container does not.
            Assert.Equal("amqp://guest:{mq-password.value}@{mq.bindings.tcp.host}:{mq.bindings.tcp.port}",
                model.RabbitMQ.Resource.ConnectionStringExpression.ValueExpression.Replace(":uri}", "}", StringComparison.Ordinal));
        }
    }

    private static void AssertNamesAndPasswords(IDistributedApplicationTestingBuilder builder)
    {
        Assert.Equal(["db", "mq", "pg", "redis"], builder.Resources.Select(r => r.Name).Order());
        foreach (var name in new[] { "pg", "redis", "mq" })
        {
            var password = builder.Resources.Single(r => r.Name == name) switch
            {
                NativeStoreResource native => native.PasswordParameter,
                PostgresServerResource postgres => postgres.PasswordParameter,
                RedisResource redis => redis.PasswordParameter,
                RabbitMQServerResource rabbit => rabbit.PasswordParameter,
                _ => null,
            };
            Assert.NotNull(password);
            Assert.Equal($"{name}-password", password.Name);
            Assert.True(password.Secret);
        }
    }

    private static (BackingStores Stores, BackingPostgres Postgres, IResourceBuilder<IResourceWithConnectionString> Database,
        IResourceBuilder<IResourceWithConnectionString> Redis, IResourceBuilder<IResourceWithConnectionString> RabbitMQ) AddAll(
        IDistributedApplicationTestingBuilder builder)
    {
        var stores = builder.AddBackingStores();
        var postgres = stores.AddPostgres("pg");
        var database = postgres.AddDatabase("db");
        return (stores, postgres, database, stores.AddRedis("redis"), stores.AddRabbitMQ("mq"));
    }
}
