using System.Diagnostics;
using Npgsql;

namespace AspireMicro.Messaging.Tests.Infrastructure;

/// <summary>
/// One real PostgreSQL server and one real RabbitMQ broker shared by the messaging tests.
/// TEMPORARY: points at servers given by ASPIREMICRO_TEST_PG / ASPIREMICRO_TEST_AMQP /
/// ASPIREMICRO_TEST_RABBIT_NODE until the platform's DistributedApplicationTestingBuilder lands.
/// </summary>
public sealed class MessagingFixture : IAsyncLifetime
{
    private string _postgres = string.Empty;
    private string _rabbitNode = string.Empty;

    public string AmqpConnectionString { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        _postgres = Environment.GetEnvironmentVariable("ASPIREMICRO_TEST_PG")
            ?? throw new InvalidOperationException("ASPIREMICRO_TEST_PG is not set");
        AmqpConnectionString = Environment.GetEnvironmentVariable("ASPIREMICRO_TEST_AMQP")
            ?? throw new InvalidOperationException("ASPIREMICRO_TEST_AMQP is not set");
        _rabbitNode = Environment.GetEnvironmentVariable("ASPIREMICRO_TEST_RABBIT_NODE") ?? string.Empty;
        await Task.CompletedTask;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>A connection string for a database of its own (services create it on start if missing).</summary>
    public string PostgresConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder(_postgres) { Database = database }.ConnectionString;

    public static string UniqueDatabaseName(string prefix) => $"{prefix}_{Guid.NewGuid():N}"[..30];

    public Task StopBrokerAsync() => RabbitCtlAsync("stop_app");

    public Task StartBrokerAsync() => RabbitCtlAsync("start_app");

    private async Task RabbitCtlAsync(string command)
    {
        using var process = Process.Start(new ProcessStartInfo("rabbitmqctl", ["-n", _rabbitNode, command])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        await process.WaitForExitAsync();
        Assert.Equal(0, process.ExitCode);
    }
}
