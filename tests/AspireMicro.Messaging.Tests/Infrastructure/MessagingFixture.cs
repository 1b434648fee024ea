using Aspire.Hosting;
using Aspire.Hosting.Testing;
using AspireMicro.Testing;
using Npgsql;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace AspireMicro.Messaging.Tests.Infrastructure;

/// <summary>
/// One real PostgreSQL server and one real RabbitMQ broker (AspireMicro.Hosting.NativeStores) run by Aspire's testing
/// builder (ports allocated per run, throwaway data) and shared by the messaging tests. Disposing the app stops both.
/// </summary>
public sealed class MessagingFixture : IAsyncLifetime
{
    private const string Broker = "messaging";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(2);
    private DistributedApplication? _app;
    private string _postgres = string.Empty;

    public string AmqpConnectionString { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(StartTimeout);
        var builder = DistributedApplicationTestingBuilder.Create().WithQuietLogs();
        builder.AddFaultCommands();
        builder.AddNativePostgres("pg").AddDatabase("messagingdb");
        builder.AddNativeRabbitMQ(Broker);
        _app = await builder.BuildAsync(timeout.Token);
        await _app.StartAsync(timeout.Token);

        // StartAsync can return while a resource nothing waits for is still coming up: wait for both.
        await Task.WhenAll(
            _app.ResourceNotifications.WaitForResourceHealthyAsync("messagingdb", timeout.Token),
            _app.ResourceNotifications.WaitForResourceHealthyAsync(Broker, timeout.Token));

        _postgres = await _app.GetConnectionStringAsync("messagingdb", timeout.Token)
            ?? throw new InvalidOperationException("No connection string for messagingdb");
        AmqpConnectionString = await _app.GetConnectionStringAsync(Broker, timeout.Token)
            ?? throw new InvalidOperationException("No connection string for the broker");
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    /// <summary>A connection string for a database of its own (services create it on start if missing).</summary>
    public string PostgresConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder(_postgres) { Database = database }.ConnectionString;

    public static string UniqueDatabaseName(string prefix) => $"{prefix}_{Guid.NewGuid():N}"[..30];

    public async Task StopBrokerAsync()
    {
        using var timeout = new CancellationTokenSource(StartTimeout);
        await _app!.StopResourceAsync(Broker, timeout.Token);
    }

    public async Task StartBrokerAsync()
    {
        using var timeout = new CancellationTokenSource(StartTimeout);
        var app = _app!;
        await app.StartResourceAsync(Broker, timeout.Token);
        await app.ResourceNotifications.WaitForResourceHealthyAsync(Broker, timeout.Token);

        // Healthy can be reported from the snapshot taken before the stop; only a real connection is proof.
        var factory = new ConnectionFactory { Uri = new Uri(AmqpConnectionString) };
        while (true)
        {
            try
            {
                await using var connection = await factory.CreateConnectionAsync(timeout.Token);
                break;
            }
            catch (BrokerUnreachableException) when (!timeout.IsCancellationRequested)
            {
                await Task.Delay(200, timeout.Token);
            }
        }
    }
}
