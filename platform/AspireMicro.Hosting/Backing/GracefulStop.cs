using AspireMicro.Hosting.Processes;

namespace AspireMicro.Hosting.Backing;

/// <summary>Sends the server its "shut down cleanly" signal, then kills the group if it has not exited in time.</summary>
internal static class GracefulStop
{
    public static async Task SignalThenKillAsync(IChildProcess process, int signal, TimeSpan grace, CancellationToken ct)
    {
        if (process.Completion.IsCompleted)
        {
            return;
        }

        process.Resume(); // a paused server cannot act on the signal
        PosixSignals.SendToProcess(process.Pid, signal);
        try
        {
            await process.Completion.WaitAsync(grace, ct);
        }
        catch (TimeoutException)
        {
            process.Kill();
            await process.Completion.WaitAsync(TimeSpan.FromSeconds(10), CancellationToken.None);
        }
        catch (OperationCanceledException)
        {
            process.Kill();
            throw;
        }
    }
}
