using System.Globalization;
using System.Runtime.InteropServices;

namespace AspireMicro.Hosting.FaultCommands;

/// <summary>A process and its descendants, found by walking /proc, and POSIX signals sent to all of them.</summary>
public static partial class ProcessTree
{
    public const int SigKill = 9;
    public const int SigCont = 18;
    public const int SigStop = 19;

    /// <summary>
    /// <paramref name="rootPid"/> and its live descendants, parents before children. A project runs under
    /// <c>dotnet run</c> (its app is a child), a native store behind a shell wrapper: the tree holds them all.
    /// </summary>
    public static IReadOnlyList<int> Of(int rootPid)
    {
        var children = new Dictionary<int, List<int>>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                || ParentOf(pid) is not { } parent)
            {
                continue;
            }

            if (!children.TryGetValue(parent, out var list))
            {
                children[parent] = list = [];
            }

            list.Add(pid);
        }

        var result = new List<int>();
        if (!IsAlive(rootPid))
        {
            return result;
        }

        var queue = new Queue<int>([rootPid]);
        while (queue.TryDequeue(out var pid))
        {
            if (result.Contains(pid))
            {
                continue;
            }

            result.Add(pid);
            foreach (var child in children.GetValueOrDefault(pid) ?? [])
            {
                queue.Enqueue(child);
            }
        }

        return result;
    }

    /// <summary>Whether the process exists and is not a zombie.</summary>
    public static bool IsAlive(int pid) => StateOf(pid) is { } state && state != 'Z' && state != 'X';

    /// <summary>The one-letter state of /proc/PID/stat (R, S, D, T, Z, ...), or null if the process is gone.</summary>
    public static char? StateOf(int pid) => ReadStatFields(pid) is { } fields ? fields[0][0] : null;

    public static int? ParentOf(int pid) =>
        ReadStatFields(pid) is { } fields && int.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var parent) ? parent : null;

    /// <summary>Sends <paramref name="signal"/> to every process of <paramref name="pids"/>; returns how many got it.</summary>
    public static int Signal(IEnumerable<int> pids, int signal) => pids.Count(pid => kill(pid, signal) == 0);

    /// <summary>
    /// Waits until every live process of <paramref name="pids"/> is stopped (<paramref name="stopped"/> true) or
    /// running again (false). kill() returns before the kernel has acted on SIGSTOP or SIGCONT, so a caller that
    /// looked at once could still see a process running; the wait makes "paused" mean paused when the command
    /// returns. Bounded: a process the signal cannot reach does not hang the command.
    /// </summary>
    public static async Task<bool> WaitForStateAsync(IReadOnlyCollection<int> pids, bool stopped, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var pending = pids.Count(pid => StateOf(pid) is { } state && state is not ('Z' or 'X') && (state is 'T' or 't') != stopped);
            if (pending == 0)
            {
                return true;
            }

            if (DateTime.UtcNow >= deadline)
            {
                return false;
            }

            await Task.Delay(10);
        }
    }

    // Fields after the command name: state, ppid, ... (the name is in parentheses and may hold spaces).
    private static string[]? ReadStatFields(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int kill(int pid, int sig);
}
