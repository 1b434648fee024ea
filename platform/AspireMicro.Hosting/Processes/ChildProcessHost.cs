using System.Diagnostics;

namespace AspireMicro.Hosting.Processes;

/// <summary>
/// One per AppHost. Starts every child so that none can outlive the AppHost: each child gets the parent-death signal
/// (<c>setpriv --pdeathsig KILL</c>, forked from one long-lived thread), leads its own session and process group
/// (<c>setsid</c>, so its whole tree can be signalled and a terminal Ctrl+C reaches only the AppHost, which then
/// stops children in order), and is listed with a watchdog that kills the groups if the AppHost is SIGKILLed.
/// Disposing the host kills every child that is still running.
/// </summary>
public sealed class ChildProcessHost : IAsyncDisposable
{
    /// <summary>Set on every child so tools and tests can tell our processes apart from everyone else's.</summary>
    public const string InstanceVariable = "ASPIREMICRO_INSTANCE";

    private static readonly Lazy<Task<Watchdog>> SharedWatchdog = new(Watchdog.StartAsync);

    private readonly Lock _gate = new();
    private readonly HashSet<ChildProcess> _children = [];
    private bool _disposed;

    public ChildProcessHost(string? instanceId = null)
    {
        InstanceId = instanceId
            ?? Environment.GetEnvironmentVariable(InstanceVariable)
            ?? $"apphost-{Environment.ProcessId}-{Guid.NewGuid():N}"[..32];
        HostShutdown.Register(this);
    }

    /// <summary>Value of <see cref="InstanceVariable"/> in every child's environment.</summary>
    public string InstanceId { get; }

    public async Task<IChildProcess> StartAsync(ProcessSpec spec, Action<LogLine> onLog, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(onLog);
        ct.ThrowIfCancellationRequested();
        ObjectDisposedException.ThrowIf(_disposed, this);

        // Checked here because behind the setpriv/setsid wrapper a missing program is only an exit code 1.
        if (ExecutableResolver.Resolve(spec.FileName) is null)
        {
            throw new FileNotFoundException($"Executable '{spec.FileName}' was not found (not a file, and not on PATH).", spec.FileName);
        }

        var watchdog = await SharedWatchdog.Value.ConfigureAwait(false);
        var startInfo = ChildStartInfo.Build(spec, InstanceId);
        long lineNumber = 0;
        void Capture(LogStream stream, string? text)
        {
            if (text is not null)
            {
                onLog(new LogLine(Interlocked.Increment(ref lineNumber), DateTimeOffset.UtcNow, stream, text));
            }
        }

        Process process;
        try
        {
            process = await ForkThread.StartAsync(startInfo, p =>
            {
                p.OutputDataReceived += (_, e) => Capture(LogStream.StdOut, e.Data);
                p.ErrorDataReceived += (_, e) => Capture(LogStream.StdErr, e.Data);
            }).ConfigureAwait(false);
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException($"Could not start '{spec.FileName}': setpriv/setsid from util-linux are needed ({ex.Message}).", ex);
        }

        // The child sees EOF on stdin rather than competing with the AppHost for the terminal.
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        watchdog.Track(process.Id);

        var child = new ChildProcess(process, gone =>
        {
            watchdog.Untrack(gone.Pid);
            lock (_gate)
            {
                _children.Remove(gone);
            }
        });
        lock (_gate)
        {
            if (!child.Completion.IsCompleted)
            {
                _children.Add(child);
            }
        }

        if (_disposed)
        {
            child.Kill();
        }

        return child;
    }

    /// <summary>SIGKILL to every child's group, without waiting. Safe from signal and exit handlers.</summary>
    public void KillAll()
    {
        foreach (var child in Snapshot())
        {
            child.Kill();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        HostShutdown.Unregister(this);
        foreach (var child in Snapshot())
        {
            await child.DisposeAsync().ConfigureAwait(false);
        }
    }

    private ChildProcess[] Snapshot()
    {
        lock (_gate)
        {
            return [.. _children];
        }
    }
}
