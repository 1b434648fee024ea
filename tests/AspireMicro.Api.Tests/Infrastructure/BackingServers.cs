using AspireMicro.Hosting.Backing;
using AspireMicro.Hosting.Networking;
using AspireMicro.Hosting.Processes;

namespace AspireMicro.Api.Tests.Infrastructure;

/// <summary>
/// Real PostgreSQL, Redis and RabbitMQ processes on free ports with throw-away data directories, started
/// through the platform's native-server recipes (the same code the AppHost runs). Disposing stops them all.
/// </summary>
public sealed class BackingServers : IAsyncDisposable
{
    private readonly ChildProcessHost _host = new();
    private readonly PortAllocator _ports = new();
    private readonly string _root = BackingDataRoot.CreateTemporary("aspiremicro-api-tests-");
    private readonly List<(INativeServerRecipe Recipe, NativeServerContext Context, IChildProcess Process)> _running = [];

    public string PostgresServer { get; private set; } = string.Empty;
    public string Redis { get; private set; } = string.Empty;
    public string Messaging { get; private set; } = string.Empty;

    private PostgresRecipe Postgres { get; } = new();
    private NativeServerContext? PostgresContext { get; set; }
    private IChildProcess? RedisProcess { get; set; }

    public async Task StartAsync(CancellationToken ct)
    {
        // Sequential on purpose: two cores, and RabbitMQ's Erlang VM start is the long pole anyway.
        var rabbit = StartAsync(new RabbitMqRecipe(), "rabbitmq", ct);
        var (pgContext, _) = await StartAsync(Postgres, "postgres", ct);
        PostgresContext = pgContext;
        PostgresServer = Postgres.BuildConnectionString(pgContext, null);
        var redisRecipe = new RedisRecipe();
        var (redisContext, redisProcess) = await StartAsync(redisRecipe, "redis", ct);
        RedisProcess = redisProcess;
        Redis = redisRecipe.BuildConnectionString(redisContext, null);
        var (rabbitContext, _) = await rabbit;
        Messaging = _running.Single(r => r.Context == rabbitContext).Recipe.BuildConnectionString(rabbitContext, null);
    }

    /// <summary>Creates (if needed) a database on the test server and returns its connection string.</summary>
    public async Task<string> DatabaseAsync(string name, CancellationToken ct)
    {
        await Postgres.EnsureDatabaseAsync(PostgresContext!, name, ct);
        return Postgres.BuildConnectionString(PostgresContext!, name);
    }

    /// <summary>SIGSTOP: Redis keeps its sockets open but answers nothing, the nastiest failure for a cache.</summary>
    public void PauseRedis() => RedisProcess!.Pause();

    public void ResumeRedis() => RedisProcess!.Resume();

    private async Task<(NativeServerContext, IChildProcess)> StartAsync(INativeServerRecipe recipe, string name, CancellationToken ct)
    {
        var extra = recipe.ExtraPortNames.ToDictionary(p => p, _ => _ports.Allocate());
        var context = new NativeServerContext(
            name, Path.Combine(_root, name), _ports.Allocate(), Guid.NewGuid().ToString("N"), PersistentData: false)
        {
            ExtraPorts = extra,
        };
        var process = await NativeServerLauncher.StartAsync(recipe, context, _host, _ => { }, TimeSpan.FromSeconds(90), ct);
        lock (_running)
        {
            _running.Add((recipe, context, process));
        }

        return (context, process);
    }

    public async ValueTask DisposeAsync()
    {
        RedisProcess?.Resume();
        foreach (var (recipe, context, process) in _running)
        {
            try
            {
                await recipe.StopGracefullyAsync(context, process, CancellationToken.None);
            }
            catch (Exception)
            {
                process.Kill();
            }
        }

        await _host.DisposeAsync();
        _ports.Dispose();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: the OS cleans the temp folder eventually.
        }
    }
}
