using System.Globalization;

namespace AspireMicro.Bench.Infrastructure;

/// <summary>Reads /proc directly: the only honest way to prove that no child of a run is left behind.</summary>
public static class ProcessTable
{
    public static IReadOnlyList<ProcInfo> Snapshot()
    {
        var list = new List<ProcInfo>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && Read(pid) is { } info)
            {
                list.Add(info);
            }
        }

        return list;
    }

    public static ProcInfo? Read(int pid)
    {
        string stat;
        try
        {
            stat = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }

        // "pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime cutime cstime
        //  priority nice threads itrealvalue starttime ..." — comm may contain spaces and parentheses, so split after the last ')'.
        var close = stat.LastIndexOf(')');
        var open = stat.IndexOf('(', StringComparison.Ordinal);
        var fields = stat[(close + 2)..].Split(' ');
        return new ProcInfo(
            pid,
            int.Parse(fields[1], CultureInfo.InvariantCulture),
            int.Parse(fields[2], CultureInfo.InvariantCulture),
            long.Parse(fields[19], CultureInfo.InvariantCulture),
            fields[0][0],
            stat[(open + 1)..close]);
    }

    /// <summary>Every process below <paramref name="rootPid"/> by parent links, plus any carrying the marker variable.</summary>
    public static IReadOnlyList<ProcInfo> Family(int rootPid, string? environmentMarker)
    {
        var all = Snapshot();
        var byParent = all.ToLookup(p => p.ParentPid);
        var found = new Dictionary<int, ProcInfo>();
        var queue = new Queue<int>([rootPid]);
        while (queue.Count > 0)
        {
            foreach (var child in byParent[queue.Dequeue()])
            {
                if (found.TryAdd(child.Pid, child))
                {
                    queue.Enqueue(child.Pid);
                }
            }
        }

        if (environmentMarker is not null)
        {
            foreach (var p in all.Where(p => !found.ContainsKey(p.Pid) && p.Pid != rootPid && HasEnvironment(p.Pid, environmentMarker)))
            {
                found[p.Pid] = p;
            }
        }

        return [.. found.Values];
    }

    public static bool IsAlive(ProcInfo process) =>
        Read(process.Pid) is { } now && now.StartTicks == process.StartTicks && now.State != 'Z';

    /// <summary>User + system CPU time consumed so far, in milliseconds (USER_HZ is 100 on Linux).</summary>
    public static double CpuMs(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) * 10.0;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    public static string CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
        }
        catch (IOException)
        {
            return string.Empty;
        }
    }

    public static long ResidentBytes(int pid)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return long.Parse(line[6..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
            }
        }

        return 0;
    }

    private static bool HasEnvironment(int pid, string marker)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/environ").Split('\0').Contains(marker);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
