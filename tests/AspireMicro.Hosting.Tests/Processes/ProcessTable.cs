using System.Text;

namespace AspireMicro.Hosting.Tests.Processes;

/// <summary>
/// Reads /proc to find the processes a test started, so tests count only their own. A process is ours if it carries
/// the test's ASPIREMICRO_INSTANCE marker in its environment, or (because redis and postgres overwrite their
/// environment block when they retitle themselves) if it descends from a given root or shares a session with one
/// of that root's children. A machine-wide `epmd -daemon` is never counted; each of our nodes' own epmd is.
/// </summary>
internal static class ProcessTable
{
    public static IReadOnlyList<ProcessInfo> All()
    {
        var found = new List<ProcessInfo>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid) || pid == Environment.ProcessId)
            {
                continue;
            }

            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                if (fields[0] == "Z")
                {
                    continue; // exited, waiting to be reaped: not running anything
                }

                var environment = Encoding.UTF8.GetString(File.ReadAllBytes(Path.Combine(dir, "environ")));
                var commandLine = File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ').Trim();
                found.Add(new ProcessInfo(pid, int.Parse(fields[1]), int.Parse(fields[3]), long.Parse(fields[19]), commandLine, environment));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
            {
                // Gone while we looked, or a kernel thread.
            }
        }

        return found;
    }

    /// <summary>Processes carrying <c>ASPIREMICRO_INSTANCE={marker}</c>.</summary>
    public static IReadOnlyList<ProcessInfo> WithMarker(string marker) =>
        [.. All().Where(p => p.HasMarker(marker) && !p.IsSharedEpmdDaemon)];

    /// <summary>Everything below <paramref name="rootPid"/>: descendants, their sessions, and marked processes.</summary>
    public static IReadOnlyList<ProcessInfo> Family(int rootPid, string marker)
    {
        var all = All();
        var members = new HashSet<int> { rootPid };
        bool grew;
        do
        {
            grew = false;
            foreach (var p in all.Where(p => members.Contains(p.ParentPid) && members.Add(p.Pid)))
            {
                grew = true;
            }
        }
        while (grew);

        var sessions = all.Where(p => p.ParentPid == rootPid).Select(p => p.Pid).ToHashSet();
        return [.. all.Where(p => p.Pid != rootPid && !p.IsSharedEpmdDaemon
            && (members.Contains(p.Pid) || sessions.Contains(p.SessionId) || p.HasMarker(marker)))];
    }

    /// <summary>Which of <paramref name="before"/> (or anything in their sessions, or marked) is still running.</summary>
    public static IReadOnlyList<ProcessInfo> Survivors(IReadOnlyList<ProcessInfo> before, string marker)
    {
        var identities = before.Select(p => (p.Pid, p.StartTicks)).ToHashSet();
        var sessions = before.Select(p => p.SessionId).ToHashSet();
        return [.. All().Where(p => !p.IsSharedEpmdDaemon
            && (identities.Contains((p.Pid, p.StartTicks)) || sessions.Contains(p.SessionId) || p.HasMarker(marker)))];
    }

    /// <summary>Polls until <paramref name="query"/> finds nothing; returns what is left after <paramref name="timeout"/>.</summary>
    public static async Task<IReadOnlyList<ProcessInfo>> WaitUntilNoneAsync(Func<IReadOnlyList<ProcessInfo>> query, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var left = query();
            if (left.Count == 0 || DateTime.UtcNow > deadline)
            {
                return left;
            }

            await Task.Delay(100);
        }
    }

    public static Task<IReadOnlyList<ProcessInfo>> WaitUntilNoneAsync(string marker, TimeSpan timeout) =>
        WaitUntilNoneAsync(() => WithMarker(marker), timeout);

    /// <summary>The one-letter state from /proc/{pid}/stat (R, S, T for stopped, Z, ...), or null once gone.</summary>
    public static char? State(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..][0];
        }
        catch (IOException)
        {
            return null;
        }
    }
}
