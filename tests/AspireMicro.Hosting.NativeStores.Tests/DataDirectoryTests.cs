using Aspire.Hosting;
using AspireMicro.Testing;
using Npgsql;
using RabbitMQ.Client;
using StackExchange.Redis;

namespace AspireMicro.Hosting.NativeStores.Tests;

public sealed class DataDirectoryTests : IDisposable
{
    // Below /tmp: the postgres user must be able to reach it.
    private readonly string _folder = Path.Combine("/tmp", $"native-stores-test-{Guid.NewGuid():N}"[..32]);

    [Fact]
    public async Task WithDataDirectory_keeps_postgres_data_across_two_runs_and_the_second_start_follows_a_clean_shutdown()
    {
        // Each run generates a new password: the second start must adopt it on the existing cluster.
        await using (var first = await StartAsync())
        {
            await using var connection = new NpgsqlConnection(await first.ConnectionStringAsync("keep"));
            await connection.OpenAsync(TestApps.Timeout(TestApps.StepTimeout));
            await using var command = new NpgsqlCommand("CREATE TABLE kept (v text); INSERT INTO kept VALUES ('survives')", connection);
            await command.ExecuteNonQueryAsync();
        }

        await using var second = await StartAsync();
        await using (var connection = new NpgsqlConnection(await second.ConnectionStringAsync("keep")))
        {
            await connection.OpenAsync(TestApps.Timeout(TestApps.StepTimeout));
            await using var command = new NpgsqlCommand("SELECT v FROM kept", connection);
            Assert.Equal("survives", await command.ExecuteScalarAsync());
        }

        await using var logs = second.CollectLogs("keep");
        await WaitForLineAsync(logs, "database system is ready to accept connections");
        Assert.Contains(logs.Lines, l => l.Contains("database system was shut down at", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, l => l.Contains("was interrupted", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, l => l.Contains("automatic recovery", StringComparison.Ordinal));
        Assert.True(File.Exists(Path.Combine(_folder, "data", "PG_VERSION")));
    }

    [Fact]
    public async Task WithDataDirectory_keeps_redis_keys_across_two_runs()
    {
        // No snapshots, an append-only file: what was written before a clean stop is read back on the next start.
        await using (var first = await StartAsync(b => b.AddNativeRedis("keep").WithDataDirectory(_folder)))
        {
            await using var redis = await ConnectionMultiplexer.ConnectAsync(await first.ConnectionStringAsync("keep"));
            await redis.GetDatabase().StringSetAsync("kept", "survives");
        }

        await using var second = await StartAsync(b => b.AddNativeRedis("keep").WithDataDirectory(_folder));
        await using var again = await ConnectionMultiplexer.ConnectAsync(await second.ConnectionStringAsync("keep"));
        Assert.Equal("survives", (string?)await again.GetDatabase().StringGetAsync("kept"));
    }

    [Fact]
    public async Task WithDataDirectory_keeps_a_durable_rabbitmq_queue_and_its_persistent_message_across_two_runs()
    {
        // The second run has a new generated password: the broker must take it while keeping its mnesia data.
        var queue = $"kept-{Guid.NewGuid():N}";
        var ct = TestApps.Timeout(TestApps.StartTimeout);
        await using (var first = await StartAsync(b => b.AddNativeRabbitMQ("keep").WithDataDirectory(_folder)))
        {
            var factory = new ConnectionFactory { Uri = new Uri(await first.ConnectionStringAsync("keep")) };
            await using var connection = await factory.CreateConnectionAsync(ct);
            await using var channel = await connection.CreateChannelAsync(
                new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), ct);
            await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false, cancellationToken: ct);
            await channel.BasicPublishAsync("", queue, mandatory: true,
                new BasicProperties { Persistent = true }, "survives"u8.ToArray(), ct);
        }

        await using var second = await StartAsync(b => b.AddNativeRabbitMQ("keep").WithDataDirectory(_folder));
        var again = new ConnectionFactory { Uri = new Uri(await second.ConnectionStringAsync("keep")) };
        await using var reconnected = await again.CreateConnectionAsync(ct);
        await using var reader = await reconnected.CreateChannelAsync(cancellationToken: ct);
        var message = await reader.BasicGetAsync(queue, autoAck: true, ct);
        Assert.NotNull(message);
        Assert.Equal("survives", System.Text.Encoding.UTF8.GetString(message.Body.Span));
    }

    private static async Task<DistributedApplication> StartAsync(Action<IDistributedApplicationBuilder> model)
    {
        var builder = TestApps.CreateBuilder();
        model(builder);
        return await TestApps.StartAsync(builder, "keep");
    }

    private async Task<DistributedApplication> StartAsync()
    {
        var builder = TestApps.CreateBuilder();
        builder.AddNativePostgres("keep").WithDataDirectory(_folder);
        return await TestApps.StartAsync(builder, "keep");
    }

    private static async Task WaitForLineAsync(ResourceLogCollector logs, string text)
    {
        var deadline = DateTime.UtcNow + TestApps.StepTimeout;
        while (!logs.Lines.Any(l => l.Contains(text, StringComparison.Ordinal)))
        {
            Assert.True(DateTime.UtcNow < deadline, $"no log line '{text}'");
            await Task.Delay(50);
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
