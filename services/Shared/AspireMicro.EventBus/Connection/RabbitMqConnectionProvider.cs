using AspireMicro.EventBus.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RabbitMQ.Client;

namespace AspireMicro.EventBus.Connection;

/// <summary>
/// Owns the one AMQP connection of the process, made from the factory that Aspire's RabbitMQ client configures
/// (automatic recovery off, see <see cref="EventBusHostingExtensions"/>): after a broker restart the next caller
/// gets a new connection.
/// </summary>
public sealed class RabbitMqConnectionProvider(
    IConnectionFactory factory,
    IOptions<EventBusOptions> options,
    IHostEnvironment environment,
    ILogger<RabbitMqConnectionProvider> logger) : IAsyncDisposable
{
    private readonly string _clientName = $"{environment.ApplicationName}:{options.Value.ServiceName}";
    private readonly SemaphoreSlim _gate = new(1, 1);
    private IConnection? _connection;

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

            _connection = await factory.CreateConnectionAsync(_clientName, cancellationToken);
            logger.LogInformation(
                "Connected to RabbitMQ at {Host}:{Port}", _connection.Endpoint.HostName, _connection.Endpoint.Port);
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
            logger.LogDebug(ex, "Ignoring error while disposing a RabbitMQ connection");
        }
    }
}
