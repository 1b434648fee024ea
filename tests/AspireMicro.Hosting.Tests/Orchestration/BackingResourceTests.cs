using AspireMicro.Hosting.Orchestration;
using AspireMicro.Hosting.Testing;
using Npgsql;
using RabbitMQ.Client;
using StackExchange.Redis;

namespace AspireMicro.Hosting.Tests.Orchestration;

/// <summary>What the service engineers rely on: Create() + backing stores + StartAsync, reachable through their connection strings.</summary>
public sealed class BackingResourceTests
{
    [Fact]
    public async Task Postgres_database_Redis_and_RabbitMQ_become_healthy_and_accept_their_connection_strings()
    {
        var builder = DistributedApplicationTestingBuilder.Create();
        builder.AddPostgres("pg").AddDatabase("catalogdb");
        builder.AddRedis("redis");
        builder.AddRabbitMQ("messaging");
        await using var app = builder.Build();

        await app.StartAsync(Timeouts.Start);
        await Task.WhenAll(
            app.ResourceNotifications.WaitForResourceHealthyAsync("catalogdb", Timeouts.Start),
            app.ResourceNotifications.WaitForResourceHealthyAsync("redis", Timeouts.Start),
            app.ResourceNotifications.WaitForResourceHealthyAsync("messaging", Timeouts.Start));

        await using (var connection = new NpgsqlConnection(await app.GetConnectionStringAsync("catalogdb")))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("select current_database()", connection);
            Assert.Equal("catalogdb", await command.ExecuteScalarAsync());
        }

        await using (var redis = await ConnectionMultiplexer.ConnectAsync(await app.GetConnectionStringAsync("redis") ?? string.Empty))
        {
            Assert.True((await redis.GetDatabase().PingAsync()) < TimeSpan.FromSeconds(5));
        }

        var factory = new ConnectionFactory { Uri = new Uri(await app.GetConnectionStringAsync("messaging") ?? string.Empty) };
        await using (var rabbit = await factory.CreateConnectionAsync())
        {
            Assert.True(rabbit.IsOpen);
        }
    }

    [Fact]
    public async Task Throwaway_data_left_by_a_killed_AppHost_is_removed_by_the_next_start()
    {
        var runs = Path.Combine(Path.GetTempPath(), "aspiremicro-run");
        var stale = Path.Combine(runs, "killed-apphost-2147483646-0badc0de");
        Directory.CreateDirectory(Path.Combine(stale, "redis"));
        var builder = DistributedApplicationTestingBuilder.Create();
        builder.AddExecutable("worker", "sleep", ".", "60");
        await using var app = builder.Build();

        await app.StartAsync(Timeouts.Start);

        Assert.False(Directory.Exists(stale));
    }

    [Fact]
    public async Task A_backing_store_keeps_no_data_after_the_app_stops_by_default()
    {
        var builder = DistributedApplicationTestingBuilder.Create();
        builder.AddRedis("redis");
        var app = builder.Build();
        await app.StartAsync(Timeouts.Start);
        await app.ResourceNotifications.WaitForResourceHealthyAsync("redis", Timeouts.Start);
        var runRoot = Path.Combine(Path.GetTempPath(), "aspiremicro-run", app.Orchestrator.InstanceId);
        Assert.True(Directory.Exists(runRoot));

        await app.DisposeAsync();

        Assert.False(Directory.Exists(runRoot));
    }
}
