using AspireMicro.Hosting.Backing;
using AspireMicro.Hosting.Tests.Processes;
using RabbitMQ.Client;
using Xunit.Abstractions;

namespace AspireMicro.Hosting.Tests.Backing;

[Collection(RabbitMqCollection.Name)]
public sealed class RabbitMqRecipeTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Two_RabbitMQ_instances_run_side_by_side_accept_messages_and_stop_cleanly()
    {
        // Two at once is what two AppHosts on one machine do: node names, dist ports and dirs must not collide.
        var servers = await Task.WhenAll(RunningServer.StartAsync(new RabbitMqRecipe()), RunningServer.StartAsync(new RabbitMqRecipe()));
        try
        {
            foreach (var server in servers)
            {
                output.WriteLine($"{RabbitMqRecipe.NodeName(server.Context)} ready after {server.TimeToReady.TotalMilliseconds:0} ms");
                await RoundTripAsync(server);
            }

            Assert.NotEqual(RabbitMqRecipe.NodeName(servers[0].Context), RabbitMqRecipe.NodeName(servers[1].Context));
        }
        finally
        {
            foreach (var server in servers)
            {
                output.WriteLine($"graceful stop took {(await server.StopAsync()).TotalMilliseconds:0} ms, exit code {server.ExitCodeAfterStop}");
                await server.DisposeAsync();
                Assert.Empty(await ProcessTable.WaitUntilNoneAsync(server.Marker, TimeSpan.FromSeconds(5)));
            }
        }

        Assert.All(servers, s => Assert.Equal(0, s.ExitCodeAfterStop));
    }

    [Fact]
    public async Task Persistent_node_keeps_durable_queues_across_a_restart_and_adopts_a_changed_password()
    {
        var dataDirectory = Path.Combine(BackingDataRoot.CreateTemporary("aspiremicro-persist-"), "rabbitmq");
        try
        {
            await using (var first = await RunningServer.StartAsync(new RabbitMqRecipe(), dataDirectory, password: "first-password"))
            {
                var factory = new ConnectionFactory { Uri = new Uri(first.Recipe.BuildConnectionString(first.Context, null)) };
                await using var connection = await factory.CreateConnectionAsync();
                await using var channel = await connection.CreateChannelAsync();
                await channel.QueueDeclareAsync("kept", durable: true, exclusive: false, autoDelete: false);
            }

            await using var second = await RunningServer.StartAsync(new RabbitMqRecipe(), dataDirectory, password: "second-password");
            output.WriteLine($"restart on existing node ready after {second.TimeToReady.TotalMilliseconds:0} ms");
            foreach (var line in second.Logs)
            {
                output.WriteLine($"{line.Timestamp:HH:mm:ss.fff} {line.Text}");
            }

            var again = new ConnectionFactory { Uri = new Uri(second.Recipe.BuildConnectionString(second.Context, null)) };
            await using var reconnect = await again.CreateConnectionAsync();
            await using var check = await reconnect.CreateChannelAsync();
            var kept = await check.QueueDeclarePassiveAsync("kept");
            Assert.Equal("kept", kept.QueueName);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(dataDirectory)!, recursive: true);
        }
    }

    [Fact]
    public void Connection_string_has_the_aspire_shape_with_the_password_escaped()
    {
        var context = new NativeServerContext("messaging", "/unused", 5673, "p@ss/word", PersistentData: false);

        Assert.Equal("amqp://guest:p%40ss%2Fword@127.0.0.1:5673", new RabbitMqRecipe().BuildConnectionString(context, null));
    }

    [Fact]
    public async Task Prepare_without_a_dist_port_fails_naming_the_resource_and_the_port()
    {
        var context = new NativeServerContext("messaging", Path.Combine(Path.GetTempPath(), $"unused-{Guid.NewGuid():N}"), 5673, "pw", PersistentData: false);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => new RabbitMqRecipe().PrepareAsync(context, CancellationToken.None));

        Assert.Contains("'messaging'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'dist'", error.Message, StringComparison.Ordinal);
    }

    private static async Task RoundTripAsync(RunningServer server)
    {
        var factory = new ConnectionFactory { Uri = new Uri(server.Recipe.BuildConnectionString(server.Context, null)) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        var queue = (await channel.QueueDeclareAsync(exclusive: true)).QueueName;
        await channel.BasicPublishAsync("", queue, "hello"u8.ToArray());
        BasicGetResult? got = null;
        for (var i = 0; i < 50 && got is null; i++)
        {
            got = await channel.BasicGetAsync(queue, autoAck: true);
            await Task.Delay(got is null ? 20 : 0);
        }

        Assert.NotNull(got);
        Assert.Equal("hello", System.Text.Encoding.UTF8.GetString(got.Body.Span));
    }
}
