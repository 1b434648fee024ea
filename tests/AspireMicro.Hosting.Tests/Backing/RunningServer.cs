using System.Collections.Concurrent;
using System.Diagnostics;
using AspireMicro.Hosting.Backing;
using AspireMicro.Hosting.Networking;
using AspireMicro.Hosting.Processes;

namespace AspireMicro.Hosting.Tests.Backing;

/// <summary>A real backing server started the way the orchestrator does, for one test; disposing stops it cleanly.</summary>
internal sealed class RunningServer : IAsyncDisposable
{
    private readonly ChildProcessHost _host;
    private readonly PortAllocator _ports;
    private readonly bool _ownsDataDirectory;

    private RunningServer(INativeServerRecipe recipe, NativeServerContext context, ChildProcessHost host, PortAllocator ports, bool ownsDataDirectory)
    {
        Recipe = recipe;
        Context = context;
        _host = host;
        _ports = ports;
        _ownsDataDirectory = ownsDataDirectory;
    }

    public INativeServerRecipe Recipe { get; }

    public NativeServerContext Context { get; }

    public IChildProcess Process { get; private set; } = null!;

    public TimeSpan TimeToReady { get; private set; }

    public ConcurrentQueue<LogLine> Logs { get; } = new();

    public string Marker => _host.InstanceId;

    public int? ExitCodeAfterStop { get; private set; }

    /// <summary>Starts a server; with <paramref name="dataDirectory"/> it is persistent and the caller owns the folder.</summary>
    public static async Task<RunningServer> StartAsync(INativeServerRecipe recipe, string? dataDirectory = null, string password = "S3cret-pass")
    {
        var host = new ChildProcessHost(instanceId: $"test-{Guid.NewGuid():N}");
        var ports = new PortAllocator();
        var persistent = dataDirectory is not null;
        var root = dataDirectory ?? Path.Combine(BackingDataRoot.CreateTemporary("aspiremicro-test-"), recipe.Kind);
        var context = new NativeServerContext(recipe.Kind, root, ports.Allocate(), password, persistent)
        {
            ExtraPorts = recipe.ExtraPortNames.ToDictionary(name => name, _ => ports.Allocate()),
        };
        var server = new RunningServer(recipe, context, host, ports, ownsDataDirectory: !persistent);
        var watch = Stopwatch.StartNew();
        try
        {
            server.Process = await NativeServerLauncher.StartAsync(recipe, context, host, server.Logs.Enqueue, TimeSpan.FromSeconds(120), CancellationToken.None);
        }
        catch (Exception ex)
        {
            await server.DisposeAsync();
            throw new InvalidOperationException($"{ex.Message}\nserver log:\n{string.Join('\n', server.Logs.Select(l => l.Text))}", ex);
        }

        server.TimeToReady = watch.Elapsed;
        return server;
    }

    /// <summary>Stops the server the orchestrator's way and reports how long that took.</summary>
    public async Task<TimeSpan> StopAsync()
    {
        var watch = Stopwatch.StartNew();
        if (Process is not null && !Process.Completion.IsCompleted)
        {
            await Recipe.StopGracefullyAsync(Context, Process, CancellationToken.None);
        }

        ExitCodeAfterStop = Process is null ? null : await Process.Completion;
        return watch.Elapsed;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await _host.DisposeAsync();
        _ports.Dispose();
        if (_ownsDataDirectory)
        {
            Directory.Delete(Path.GetDirectoryName(Context.DataDirectory)!, recursive: true);
        }
    }
}
