using System.Collections.Concurrent;
using System.Diagnostics;

namespace AspireMicro.Bench.Infrastructure;

/// <summary>
/// The real AppHost as a child process (the built dll, as `dotnet run` would end up running it). Its redirected
/// output is the resource table one line per change, which tells us states, PIDs and endpoints.
/// </summary>
public sealed class AppHostRun : IAsyncDisposable
{
    /// <summary>Shared daemons that legitimately outlive a node (platform-notes.md); never counted as leftovers.</summary>
    private static readonly string[] SharedDaemons = ["epmd"];

    private readonly Process _process;
    private readonly Stopwatch _clock;
    private readonly ConcurrentDictionary<string, ResourceRow> _rows = new();
    private readonly ConcurrentQueue<string> _output = new();
    private readonly ConcurrentDictionary<string, double> _healthyAt = new();
    private readonly TaskCompletionSource<double> _allHealthy = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private AppHostRun(Process process, Stopwatch clock, string instanceId)
    {
        _process = process;
        _clock = clock;
        InstanceId = instanceId;
    }

    public string InstanceId { get; }

    public int Pid => _process.Id;

    public string? DashboardLoginUrl { get; private set; }

    public IReadOnlyDictionary<string, ResourceRow> Rows => _rows;

    /// <summary>When each resource first showed Running/Healthy, in ms since the process started: where start-up time goes.</summary>
    public IReadOnlyDictionary<string, double> HealthyAt => _healthyAt;

    public static AppHostRun Start(IReadOnlyDictionary<string, string>? environment = null)
    {
        var instanceId = "bench-" + Guid.NewGuid().ToString("N")[..12];
        var start = new ProcessStartInfo("dotnet", [RepoPaths.AppHostDll])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(RepoPaths.AppHostDll)!,
        };
        // Children inherit this; it lets us find every process of this run in /proc, whatever its parent.
        start.Environment["ASPIREMICRO_INSTANCE"] = instanceId;
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var clock = Stopwatch.StartNew();
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var run = new AppHostRun(process, clock, instanceId);
        start.Environment.Clear();
        process.OutputDataReceived += (_, e) => run.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => run.OnLine(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return run;
    }

    /// <summary>Starts with a known postgres password, so the bench can read ordering's database itself.</summary>
    public static AppHostRun StartWithKnownPassword(IReadOnlyDictionary<string, string> environment, out string password)
    {
        password = "bench" + Guid.NewGuid().ToString("N")[..12];
        var env = new Dictionary<string, string>(environment) { ["Parameters__postgres-password"] = password };
        return Start(env);
    }

    /// <summary>Milliseconds from process start until every resource in the table is Running and Healthy.</summary>
    public async Task<double> WaitAllHealthyAsync(TimeSpan timeout)
    {
        var finished = await Task.WhenAny(_allHealthy.Task, _process.WaitForExitAsync(), Task.Delay(timeout));
        if (finished == _allHealthy.Task)
        {
            return await _allHealthy.Task;
        }

        var states = string.Join(", ", _rows.Values.Where(r => !r.IsHealthy).Select(r => $"{r.Name}={r.State}/{r.Health}"));
        throw new TimeoutException($"AppHost not healthy after {timeout.TotalSeconds:0} s (exited: {_process.HasExited}); not ready: {states}\n{Tail(40)}");
    }

    public string Endpoint(string resource) =>
        _rows.TryGetValue(resource, out var row) && row.Detail.Contains("://", StringComparison.Ordinal)
            ? row.Detail
            : throw new InvalidOperationException($"No endpoint for {resource} in the resource table.");

    /// <summary>Ctrl+C as a user would press it, then proof by PID that every child is gone.</summary>
    public async Task<StopResult> StopAsync(TimeSpan timeout)
    {
        var tracked = ProcessTable.Family(_process.Id, "ASPIREMICRO_INSTANCE=" + InstanceId)
            .Where(p => !SharedDaemons.Contains(p.Command))
            .ToList();
        var clock = Stopwatch.StartNew();
        Signals.Send(_process.Id, "INT");
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
        }

        var exitMs = clock.Elapsed.TotalMilliseconds;
        var alive = tracked;
        while (alive.Count > 0 && clock.Elapsed < timeout)
        {
            alive = [.. alive.Where(ProcessTable.IsAlive)];
            if (alive.Count > 0)
            {
                await Task.Delay(10);
            }
        }

        return new StopResult(exitMs, clock.Elapsed.TotalMilliseconds, tracked.Count, alive, _process.HasExited ? _process.ExitCode : null);
    }

    public string Tail(int lines) => string.Join('\n', _output.TakeLast(lines));

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > 2000 && _output.TryDequeue(out _))
        {
        }

        if (line.StartsWith("Dashboard: ", StringComparison.Ordinal))
        {
            DashboardLoginUrl = line["Dashboard: ".Length..].Trim();
        }

        if (ResourceRow.TryParse(line) is not { } row)
        {
            return;
        }

        _rows[row.Name] = row;
        if (row.IsHealthy)
        {
            _healthyAt.TryAdd(row.Name, _clock.Elapsed.TotalMilliseconds);
        }

        if (!_rows.IsEmpty && _rows.Values.All(r => r.IsHealthy))
        {
            _allHealthy.TrySetResult(_clock.Elapsed.TotalMilliseconds);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            // Only reached when a benchmark failed midway: SIGINT first so the AppHost cleans up its own children.
            await StopAsync(TimeSpan.FromSeconds(30));
        }

        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
