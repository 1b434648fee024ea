using System.Collections.Concurrent;
using AspireMicro.Hosting.Processes;

namespace AspireMicro.Hosting.Tests.Processes.TestApp;

/// <summary>A running copy of <see cref="TestAppProgram"/>, started through our own process layer.</summary>
internal sealed class TestApp : IAsyncDisposable
{
    private readonly ChildProcessHost _host;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly SemaphoreSlim _newLine = new(0);

    private TestApp(ChildProcessHost host, string marker)
    {
        _host = host;
        Marker = marker;
    }

    public string Marker { get; }

    public IChildProcess Process { get; private set; } = null!;

    public IEnumerable<string> Output => _output;

    public static async Task<TestApp> StartAsync(params string[] args)
    {
        var marker = $"test-{Guid.NewGuid():N}";
        var host = new ChildProcessHost(instanceId: marker);
        var app = new TestApp(host, marker);
        var dll = typeof(TestAppProgram).Assembly.Location;
        app.Process = await host.StartAsync(new ProcessSpec("dotnet", ["exec", dll, .. args]), line =>
        {
            app._output.Enqueue(line.Text);
            app._newLine.Release();
        }, CancellationToken.None);
        return app;
    }

    /// <summary>Waits for a stdout line starting with <paramref name="prefix"/>; fails with the output so far if it never comes.</summary>
    public async Task<string> WaitForLineAsync(string prefix, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            var match = _output.FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal));
            if (match is not null)
            {
                return match;
            }

            if (Process.Completion.IsCompleted && _output.All(l => !l.StartsWith(prefix, StringComparison.Ordinal)))
            {
                await Task.Delay(200); // last lines may still be in flight
                match = _output.FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal));
                return match ?? throw new InvalidOperationException(
                    $"test app exited ({Process.Completion.Result}) without '{prefix}':\n{string.Join('\n', _output)}");
            }

            await _newLine.WaitAsync(TimeSpan.FromMilliseconds(200));
        }

        throw new TimeoutException($"no '{prefix}' within {timeout}:\n{string.Join('\n', _output)}");
    }

    /// <summary>SIGKILL to the test app's pid alone, as an OOM killer or `kill -9` would do: no handler runs.</summary>
    public void SigKillAppOnly() => System.Diagnostics.Process.GetProcessById(Process.Pid).Kill(entireProcessTree: false);

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();
}
