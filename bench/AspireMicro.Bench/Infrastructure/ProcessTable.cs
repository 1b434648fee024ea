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

    public static bool IsAlive(ProcInfo process) =>
        Read(process.Pid) is { } now && now.StartTicks == process.StartTicks && now.State != 'Z';

    public static string CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return string.Empty;
        }
    }

    public static bool HasEnvironment(int pid, string marker)
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
