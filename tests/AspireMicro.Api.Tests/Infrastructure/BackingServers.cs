using AspireMicro.Hosting;
using AspireMicro.Hosting.Testing;

namespace AspireMicro.Api.Tests.Infrastructure;

/// <summary>
/// Real PostgreSQL, Redis and RabbitMQ processes started by the platform's testing builder (random ports,
/// throw-away data, no dashboard). Disposing the app stops every process it started.
/// </summary>
public sealed class BackingServers : IAsyncDisposable
{
    private const string RedisName = "redis";
    private DistributedApplication? _app;

    public string CatalogDb { get; private set; } = string.Empty;
    public string OrderingDb { get; private set; } = string.Empty;
    public string Redis { get; private set; } = string.Empty;
    public string Messaging { get; private set; } = string.Empty;

    public async Task StartAsync(CancellationToken ct)
    {
        var builder = DistributedApplicationTestingBuilder.Create();
        var postgres = builder.AddPostgres("pg");
        postgres.AddDatabase("catalogdb");
        postgres.AddDatabase("orderingdb");
        builder.AddRedis(RedisName);
        builder.AddRabbitMQ("messaging");
        _app = builder.Build();
        await _app.StartAsync(ct);
        // StartAsync currently returns before the servers answer (seen 2026-11-24: Postgres refused connections
        // for ~8 s afterwards), so wait for each resource's own health explicitly.
        foreach (var name in new[] { "pg", "catalogdb", "orderingdb", RedisName, "messaging" })
        {
            await _app.ResourceNotifications.WaitForResourceHealthyAsync(name, ct);
        }

        CatalogDb = await ConnectionStringAsync("catalogdb", ct);
        OrderingDb = await ConnectionStringAsync("orderingdb", ct);
        Redis = await ConnectionStringAsync(RedisName, ct);
        Messaging = await ConnectionStringAsync("messaging", ct);
    }

    /// <summary>SIGSTOP: Redis keeps its sockets open but answers nothing, the nastiest failure for a cache.</summary>
    public Task PauseRedisAsync() => _app!.PauseResourceAsync(RedisName);

    public Task ResumeRedisAsync() => _app!.ResumeResourceAsync(RedisName);

    private async Task<string> ConnectionStringAsync(string name, CancellationToken ct) =>
        await _app!.GetConnectionStringAsync(name, ct) ?? throw new InvalidOperationException($"No connection string for {name}.");

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
