using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
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
    private ResourceLogCollector? _brokerLog;
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

        _brokerLog = new ResourceLogCollector(_app, Broker, capacity: 40);
        _postgres = await _app.GetConnectionStringAsync("messagingdb", timeout.Token)
            ?? throw new InvalidOperationException("No connection string for messagingdb");
        AmqpConnectionString = await _app.GetConnectionStringAsync(Broker, timeout.Token)
            ?? throw new InvalidOperationException("No connection string for the broker");
    }

    public async Task DisposeAsync()
    {
        if (_brokerLog is not null)
        {
            await _brokerLog.DisposeAsync();
        }

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
        try
        {
            await app.StartResourceAsync(Broker, timeout.Token);
            // Right after the start command the snapshot can still be the stopped one (Exited): waiting with the
            // default behaviour would give up on it at once. Wait through it; the timeout bounds the wait.
            await app.ResourceNotifications.WaitForResourceHealthyAsync(Broker, WaitBehavior.WaitOnResourceUnavailable, timeout.Token);
        }
        catch (Exception e) when (e is DistributedApplicationException or OperationCanceledException)
        {
            throw new InvalidOperationException(
                $"The broker did not come back after a stop: {e.Message}{Environment.NewLine}Its last console lines:{Environment.NewLine}{string.Join(Environment.NewLine, _brokerLog?.Lines ?? [])}",
                e);
        }

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
