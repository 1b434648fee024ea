using System.Diagnostics;

namespace AspireMicro.Hosting.Processes;

/// <summary>A child started by <see cref="ChildProcessHost"/>; it leads its own process group (pgid == pid).</summary>
internal sealed class ChildProcess : IChildProcess
{
    // After the leader exits, its stdout may still be held by a straggler; we wait only this long for the last lines.
    private static readonly TimeSpan LogDrainTimeout = TimeSpan.FromMilliseconds(500);

    private readonly Process _process;
    private readonly Action<ChildProcess> _onGone;
    private readonly TaskCompletionSource<int> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _gone;

    public ChildProcess(Process process, Action<ChildProcess> onGone)
    {
        _process = process;
        _onGone = onGone;
        Pid = process.Id;
        _ = WatchExitAsync();
    }

    public int Pid { get; }

    public Task<int> Completion => _completion.Task;

    public async Task StopAsync(TimeSpan gracePeriod, CancellationToken ct)
    {
        if (Completion.IsCompleted)
        {
            return;
        }

        Signal(PosixSignals.SigTerm);
        // A paused group would never act on SIGTERM.
        Signal(PosixSignals.SigCont);
        try
        {
            await Completion.WaitAsync(gracePeriod, ct);
        }
        catch (TimeoutException)
        {
            Kill();
            await Completion;
        }
    }

    public void Kill()
    {
        if (Volatile.Read(ref _gone) == 0)
        {
            Signal(PosixSignals.SigKill);
        }
    }

    public void Pause()
    {
        Signal(PosixSignals.SigStop);
        // kill(2) only queues the signal; return once the leader is really stopped so callers (and the state shown
        // in the dashboard) never see a "paused" process still running.
        WaitForState(stopped: true);
    }

    public void Resume()
    {
        Signal(PosixSignals.SigCont);
        WaitForState(stopped: false);
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        await Completion.WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        _process.Dispose();
    }

    private void WaitForState(bool stopped)
    {
        // Generous: a process blocked in uninterruptible I/O (state D, e.g. behind another server's fsyncs on a busy
        // disk) only stops once that I/O completes; seconds on a loaded 2-core CI machine.
        var deadline = Environment.TickCount64 + 10_000;
        while (Volatile.Read(ref _gone) == 0 && Environment.TickCount64 < deadline)
        {
            var state = ProcState.Of(Pid);
            if (state is null || (state is 'T' or 't') == stopped)
            {
                return;
            }

            Thread.Sleep(1);
        }
    }

    private void Signal(int signal)
    {
        // In the first instant after the fork the child has not yet run setsid, so there is no group named after it:
        // then the signal goes to the child itself.
        if (!PosixSignals.SendToGroup(Pid, signal) && Volatile.Read(ref _gone) == 0)
        {
            PosixSignals.SendToProcess(Pid, signal);
        }
    }

    private async Task WatchExitAsync()
    {
        var exited = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _process.Exited += (_, _) => exited.TrySetResult();
        if (_process.HasExited)
        {
            exited.TrySetResult();
        }

        await exited.Task.ConfigureAwait(false);
        // The leader is gone; anything left in its group (a backend, a helper) goes with it, so a restart never
        // finds a half-alive tree holding the port.
        PosixSignals.SendToGroup(Pid, PosixSignals.SigKill);
        // From here on the pid is reaped and may be reused: no more signals to it.
        Volatile.Write(ref _gone, 1);
        _onGone(this);
        try
        {
            using var drain = new CancellationTokenSource(LogDrainTimeout);
            await _process.WaitForExitAsync(drain.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Some descendant escaped the group and still holds the pipe; the exit code is what matters.
        }

        _completion.TrySetResult(_process.ExitCode);
    }
}
