using System.Collections.Concurrent;
using System.Diagnostics;

namespace AspireMicro.Hosting.Processes;

/// <summary>
/// The one thread that forks every child. Linux delivers the parent-death signal when the *thread* that forked a
/// child exits (measured here: children forked from thread-pool threads died when those threads were retired), and
/// .NET's Process.Start forks on the calling thread. So all starts are funnelled through this thread, which lives as
/// long as the process.
/// </summary>
internal static class ForkThread
{
    private static readonly BlockingCollection<Action> Work = [];

    static ForkThread()
    {
        var thread = new Thread(Run) { IsBackground = true, Name = "AspireMicro child forker" };
        thread.Start();
    }

    public static Task<Process> StartAsync(ProcessStartInfo startInfo, Action<Process>? beforeStart = null)
    {
        var result = new TaskCompletionSource<Process>(TaskCreationOptions.RunContinuationsAsynchronously);
        Work.Add(() =>
        {
            try
            {
                var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
                beforeStart?.Invoke(process);
                process.Start();
                result.SetResult(process);
            }
            catch (Exception ex)
            {
                result.SetException(ex);
            }
        });
        return result.Task;
    }

    private static void Run()
    {
        foreach (var work in Work.GetConsumingEnumerable())
        {
            work();
        }
    }
}
