using Aspire.Hosting;
using Aspire.Hosting.Testing;
using AspireMicro.Testing;

namespace AspireMicro.Api.Tests.Infrastructure;

/// <summary>
/// Real PostgreSQL, Redis and RabbitMQ processes (AspireMicro.Hosting.NativeStores) run by Aspire's testing builder:
/// ports allocated per run, throw-away data, no dashboard. Disposing the app stops every process it started.
/// </summary>
public sealed class BackingServers : IAsyncDisposable
{
    private const string RedisName = "redis";
    private DistributedApplication? _app;

    public string CatalogDb { get; private set; } = string.Empty;
    public string OrderingDb { get; private set; } = string.Empty;
    public string IdentityDb { get; private set; } = string.Empty;
    public string Redis { get; private set; } = string.Empty;
    public string Messaging { get; private set; } = string.Empty;

    public async Task StartAsync(CancellationToken ct)
    {
        var builder = DistributedApplicationTestingBuilder.Create().WithQuietLogs();
        builder.AddFaultCommands();
        var postgres = builder.AddNativePostgres("pg");
        postgres.AddDatabase("catalogdb");
        postgres.AddDatabase("orderingdb");
        postgres.AddDatabase("identitydb");
        builder.AddNativeRedis(RedisName);
        builder.AddNativeRabbitMQ("messaging");
        _app = await builder.BuildAsync(ct);
        await _app.StartAsync(ct);
        // StartAsync returns before resources nothing waits for are up: wait for each one's own health.
        foreach (var name in new[] { "pg", "catalogdb", "orderingdb", "identitydb", RedisName, "messaging" })
        {
            await _app.ResourceNotifications.WaitForResourceHealthyAsync(name, ct);
        }

        CatalogDb = await ConnectionStringAsync("catalogdb", ct);
        OrderingDb = await ConnectionStringAsync("orderingdb", ct);
        IdentityDb = await ConnectionStringAsync("identitydb", ct);
        Redis = await ConnectionStringAsync(RedisName, ct);
        Messaging = await ConnectionStringAsync("messaging", ct);
    }

    /// <summary>SIGSTOP: Redis keeps its sockets open but answers nothing, the nastiest failure for a cache.</summary>
    public Task PauseRedisAsync() => _app!.PauseResourceAsync(RedisName, CommandTimeout());

    public Task ResumeRedisAsync() => _app!.ResumeResourceAsync(RedisName, CommandTimeout());

    private static CancellationToken CommandTimeout() => new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token;

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
