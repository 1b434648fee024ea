using Aspire.Hosting.ApplicationModel;
using Npgsql;
using RabbitMQ.Client;
using StackExchange.Redis;

namespace AspireMicro.Hosting.NativeStores.Tests;

[Collection(StoresCollection.Name)]
public sealed class StoreTests(StoresFixture fixture)
{
    [Fact]
    public async Task Postgres_turns_healthy_and_its_connection_string_works_with_Npgsql()
    {
        var connectionString = await fixture.App.ConnectionStringAsync(StoresFixture.Postgres);
        Assert.Matches("^Host=[^;]+;Port=[0-9]+;Username=postgres;Password=[^;]+$", connectionString);

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(TestApps.Timeout(TestApps.StepTimeout));
        await using var command = new NpgsqlCommand("SHOW max_connections", connection);
        Assert.Equal("500", await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Database_child_turns_healthy_and_WaitFor_releases_its_dependent()
    {
        var connectionString = await fixture.App.ConnectionStringAsync(StoresFixture.Database);
        var server = await fixture.App.ConnectionStringAsync(StoresFixture.Postgres);
        Assert.Equal($"{server};Database={StoresFixture.DatabaseName}", connectionString);

        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync(TestApps.Timeout(TestApps.StepTimeout));
            await using var command = new NpgsqlCommand("SELECT current_database()", connection);
            Assert.Equal(StoresFixture.DatabaseName, await command.ExecuteScalarAsync());
        }

        await fixture.App.ResourceNotifications.WaitForResourceAsync(
            StoresFixture.Dependent, KnownResourceStates.Running, TestApps.Timeout(TestApps.StepTimeout));
    }

    [Fact]
    public async Task Redis_turns_healthy_and_its_connection_string_works_with_StackExchange_Redis()
    {
        var connectionString = await fixture.App.ConnectionStringAsync(StoresFixture.Redis);
        Assert.Matches("^[^:,]+:[0-9]+,password=.+$", connectionString);

        await using var redis = await ConnectionMultiplexer.ConnectAsync(connectionString);
        var db = redis.GetDatabase();
        await db.StringSetAsync("native-store-test", "hello");
        Assert.Equal("hello", (string?)await db.StringGetAsync("native-store-test"));
    }

    [Fact]
    public async Task RabbitMQ_turns_healthy_and_a_stream_queue_works_over_AMQP()
    {
        var connectionString = await fixture.App.ConnectionStringAsync(StoresFixture.RabbitMQ);
        Assert.Matches("^amqp://guest:[^@]+@[^:]+:[0-9]+$", connectionString);

        var ct = TestApps.Timeout(TestApps.StepTimeout);
        var factory = new ConnectionFactory { Uri = new Uri(connectionString) };
        await using var connection = await factory.CreateConnectionAsync(ct);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: ct);
        var queue = $"stream-{Guid.NewGuid():N}";
        await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false,
            arguments: new Dictionary<string, object?> { ["x-queue-type"] = "stream" }, cancellationToken: ct);
        await channel.BasicPublishAsync("", queue, "first"u8.ToArray(), ct);

        // A stream is read by a consumer with a prefetch and an offset; "first" is where the stream starts.
        await channel.BasicQosAsync(0, 10, false, ct);
        var received = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var consumer = new global::RabbitMQ.Client.Events.AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += (_, delivery) =>
        {
            received.TrySetResult(System.Text.Encoding.UTF8.GetString(delivery.Body.Span));
            return Task.CompletedTask;
        };
        await channel.BasicConsumeAsync(queue, autoAck: false, consumerTag: "", noLocal: false, exclusive: false,
            arguments: new Dictionary<string, object?> { ["x-stream-offset"] = "first" }, consumer, ct);
        Assert.Equal("first", await received.Task.WaitAsync(ct));
        await channel.QueueDeleteAsync(queue, cancellationToken: ct);
    }

    [Fact]
    public void Each_store_has_one_proxyless_tcp_endpoint_without_a_fixed_port_and_shows_its_properties()
    {
        foreach (var name in new[] { StoresFixture.Postgres, StoresFixture.Redis, StoresFixture.RabbitMQ })
        {
            Assert.True(fixture.App.ResourceNotifications.TryGetCurrentState(name, out var e));
            var store = Assert.IsAssignableFrom<NativeStoreResource>(e.Resource);
            var tcp = store.Annotations.OfType<EndpointAnnotation>().Single(a => a.Name == "tcp");
            Assert.False(tcp.IsProxied);
            Assert.True(store.PrimaryEndpoint.Port > 0);
            Assert.Contains(e.Snapshot.Properties, p => p.Name == "native.version" && p.Value is string { Length: > 0 } and not "?");
            Assert.Contains(e.Snapshot.Properties, p => p.Name == "native.data" && Equals(p.Value, store.DataDirectory));
            Assert.True(Directory.Exists(store.DataDirectory));
        }
    }
}
