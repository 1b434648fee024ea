using AspireMicro.EventBus.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RabbitMQ.Client;

namespace AspireMicro.EventBus.Connection;

/// <summary>
/// Owns the one AMQP connection of the process. The client's automatic recovery is off on purpose: the
/// relay and the consumers run their own reconnect loops (new connection, new channel, declare topology),
/// which behaves the same whether the broker was down for one second or one hour.
/// </summary>
public sealed class RabbitMqConnectionProvider : IAsyncDisposable
{
    private readonly ConnectionFactory _factory;
    private readonly string _clientName;
    private readonly ILogger<RabbitMqConnectionProvider> _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private IConnection? _connection;

    public RabbitMqConnectionProvider(
        IOptions<EventBusOptions> options,
        IHostEnvironment environment,
        ILogger<RabbitMqConnectionProvider> logger)
    {
        _factory = new ConnectionFactory
        {
            Uri = new Uri(options.Value.ConnectionString),
            AutomaticRecoveryEnabled = false,
            TopologyRecoveryEnabled = false,
            RequestedConnectionTimeout = TimeSpan.FromSeconds(5),
            RequestedHeartbeat = TimeSpan.FromSeconds(10),
        };
        _clientName = $"{environment.ApplicationName}:{options.Value.ServiceName}";
        _logger = logger;
    }

    public bool IsConnected => _connection?.IsOpen == true;

    /// <summary>The open connection, or a new one; throws when the broker cannot be reached.</summary>
    public async Task<IConnection> GetConnectionAsync(CancellationToken cancellationToken)
    {
        var current = _connection;
        if (current is { IsOpen: true })
        {
            return current;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_connection is { IsOpen: true })
            {
                return _connection;
            }

            if (_connection is not null)
            {
                await DisposeQuietlyAsync(_connection);
            }

            _connection = await _factory.CreateConnectionAsync(_clientName, cancellationToken);
            _logger.LogInformation("Connected to RabbitMQ at {Host}:{Port}", _factory.HostName, _factory.Port);
            return _connection;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await DisposeQuietlyAsync(_connection);
        }

        _gate.Dispose();
    }

    private async Task DisposeQuietlyAsync(IConnection connection)
    {
        try
        {
            await connection.DisposeAsync();
        }
        catch (Exception ex)
        {
            // A connection to a dead broker often fails to close; it is being replaced either way.
            _logger.LogDebug(ex, "Ignoring error while disposing a RabbitMQ connection");
        }
    }
}
