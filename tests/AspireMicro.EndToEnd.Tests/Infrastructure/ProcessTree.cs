using System.Globalization;

namespace AspireMicro.EndToEnd.Tests.Infrastructure;

/// <summary>Reads the Linux process table from /proc: who descends from whom, and who is still alive.</summary>
public static class ProcessTree
{
    /// <summary>
    /// Everything an Aspire app host runs: its own descendants, plus the DCP processes that detached from it but
    /// watch it (<c>--monitor {pid}</c>), with their descendants (every resource).
    /// </summary>
    public static IReadOnlyList<(int Pid, string Command)> AppProcesses(int host)
    {
        var monitors = AllPids().Where(pid => CommandLine(pid, int.MaxValue).Contains($"--monitor {host}", StringComparison.Ordinal));
        return [.. monitors.Prepend(host).Distinct()
            .SelectMany(root => root == host ? Descendants(root) : Descendants(root).Prepend((Pid: root, Command: CommandLine(root))))
            .DistinctBy(p => p.Pid)];
    }

    public static IReadOnlyList<(int Pid, string Command)> Descendants(int root)
    {
        var parents = new Dictionary<int, int>();
        foreach (var pid in AllPids())
        {
            if (TryParent(pid) is { } parent)
            {
                parents[pid] = parent;
            }
        }

        var found = new List<(int, string)>();
        var frontier = new Queue<int>([root]);
        while (frontier.TryDequeue(out var current))
        {
            foreach (var child in parents.Where(p => p.Value == current).Select(p => p.Key))
            {
                found.Add((child, CommandLine(child)));
                frontier.Enqueue(child);
            }
        }

        return found;
    }

    /// <summary>Alive means "exists and is not a zombie waiting for its parent to reap it".</summary>
    public static bool IsAlive(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..][0] != 'Z';
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static IEnumerable<int> AllPids() =>
        Directory.EnumerateDirectories("/proc")
            .Select(dir => int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : 0)
            .Where(pid => pid > 0);

    private static int? TryParent(int pid)
    {
        try
        {
            // Format: pid (comm) state ppid …; comm may itself contain spaces and parentheses.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return int.Parse(fields[1], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static string CommandLine(int pid, int maxLength = 100)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ').Trim();
            return text.Length > maxLength ? text[..maxLength] : text;
        }
        catch (IOException)
        {
            return "?";
        }
    }
}
