using System.Runtime.InteropServices;

namespace AspireMicro.Hosting.Processes;

/// <summary>
/// Scheduling priority (nice value) of a running child. Linux keeps the nice value per thread, so a whole
/// process is re-prioritised thread by thread through <c>/proc/&lt;pid&gt;/task</c>.
/// </summary>
internal static class ProcessPriority
{
    private const int PrioProcess = 0;

    /// <summary>Raising priority back (lowering the nice value) needs root, so start-up niceness is only used as root.</summary>
    public static bool CanRestore => PosixSignals.IsRoot;

    /// <summary>The AppHost's own nice value: what "normal priority" means for its children.</summary>
    public static int OfCurrentProcess()
    {
        // /proc/self/stat: "pid (comm) state ..." with nice as field 19; comm may contain spaces, so split after ')'.
        var stat = File.ReadAllText("/proc/self/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return int.TryParse(fields[16], out var nice) ? nice : 0;
    }

    /// <summary>Sets every thread of <paramref name="pid"/> to <paramref name="niceness"/>; false when the process is gone.</summary>
    public static bool Set(int pid, int niceness)
    {
        var changed = false;
        // Two passes: a thread started while we walk the list may have inherited the old value.
        for (var pass = 0; pass < 2; pass++)
        {
            string[] threads;
            try
            {
                threads = Directory.GetDirectories($"/proc/{pid}/task");
            }
            catch (DirectoryNotFoundException)
            {
                return changed;
            }

            foreach (var thread in threads)
            {
                if (int.TryParse(Path.GetFileName(thread), out var tid) && SetPriority(PrioProcess, tid, niceness) == 0)
                {
                    changed = true;
                }
            }
        }

        return changed;
    }

    [DllImport("libc", EntryPoint = "setpriority", SetLastError = true)]
    private static extern int SetPriority(int which, int who, int prio);
}
