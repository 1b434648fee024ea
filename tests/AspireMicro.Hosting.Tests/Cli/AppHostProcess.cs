using System.Collections.Concurrent;
using AspireMicro.Hosting.Processes;

namespace AspireMicro.Hosting.Tests.Cli;

/// <summary>The real AppHost (AppHost/bin/…/AspireMicro.AppHost.dll) run as a child, the way `dotnet run` would run it.</summary>
internal sealed class AppHostProcess : IAsyncDisposable
{
    public static readonly string[] AllInstances =
        ["postgres", "catalogdb", "orderingdb", "paymentdb", "redis", "messaging", "catalog-0", "catalog-1", "ordering", "basket", "payment", "analytics", "gateway", "storefront"];

    private readonly ChildProcessHost _host;
    private readonly ConcurrentQueue<LogLine> _output = new();

    private AppHostProcess(ChildProcessHost host, IChildProcess process)
    {
        _host = host;
        Process = process;
    }

    public IChildProcess Process { get; }

    public string Marker => _host.InstanceId;

    public IReadOnlyList<LogLine> Output => [.. _output];

    public string StdErr => string.Join('\n', _output.Where(l => l.Stream == LogStream.StdErr).Select(l => l.Text));

    public static async Task<AppHostProcess> StartAsync(params string[] args)
    {
        var host = new ChildProcessHost($"h1-cli-{Guid.NewGuid():N}"[..24]);
        AppHostProcess? app = null;
        var queue = new ConcurrentQueue<LogLine>();
        var process = await host.StartAsync(
            new ProcessSpec("dotnet", [AppHostDll, .. args]) { WorkingDirectory = Path.GetDirectoryName(AppHostDll) },
            line => queue.Enqueue(line),
            CancellationToken.None);
        app = new AppHostProcess(host, process);
        // Lines captured before the constructor ran are moved over; later ones go straight in.
        _ = Task.Run(async () =>
        {
            while (!process.Completion.IsCompleted || !queue.IsEmpty)
            {
                while (queue.TryDequeue(out var line))
                {
                    app._output.Enqueue(line);
                }

                await Task.Delay(50);
            }
        });
        return app;
    }

    /// <summary>Waits until every instance has printed a Running + Healthy line; returns the elapsed time.</summary>
    public async Task<TimeSpan> WaitForAllHealthyAsync(TimeSpan timeout)
    {
        var started = DateTime.UtcNow;
        while (DateTime.UtcNow - started < timeout)
        {
            var healthy = Output.Select(l => l.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                .Where(f => f.Length >= 4 && f[2] == "Running" && f[3] == "Healthy")
                .Select(f => f[0])
                .ToHashSet();
            if (AllInstances.All(healthy.Contains))
            {
                return DateTime.UtcNow - started;
            }

            if (Process.Completion.IsCompleted)
            {
                break;
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"AppHost not all healthy within {timeout}:\n{string.Join('\n', Output.Select(l => l.Text).TakeLast(40))}");
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout) => await Process.Completion.WaitAsync(timeout);

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    private static string AppHostDll
    {
        get
        {
            var testBin = AppContext.BaseDirectory.TrimEnd('/'); // …/tests/AspireMicro.Hosting.Tests/bin/{Configuration}/net10.0
            var configuration = Path.GetFileName(Path.GetDirectoryName(testBin))!;
            var root = new DirectoryInfo(testBin);
            while (root is not null && !File.Exists(Path.Combine(root.FullName, "AspireMicro.sln")))
            {
                root = root.Parent;
            }

            var dll = Path.Combine(root!.FullName, "AppHost", "bin", configuration, "net10.0", "AspireMicro.AppHost.dll");
            return File.Exists(dll) ? dll : throw new FileNotFoundException("Build the AppHost first.", dll);
        }
    }
}
