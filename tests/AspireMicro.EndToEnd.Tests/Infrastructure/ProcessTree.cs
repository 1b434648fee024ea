using System.Globalization;

namespace AspireMicro.EndToEnd.Tests.Infrastructure;

/// <summary>Reads the Linux process table from /proc: who descends from whom, and who is still alive.</summary>
public static class ProcessTree
{
    public static IReadOnlyList<(int Pid, string Command)> Descendants(int root)
    {
        var parents = new Dictionary<int, int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && TryParent(pid) is { } parent)
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

    private static string CommandLine(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ').Trim();
            return text.Length > 100 ? text[..100] : text;
        }
        catch (IOException)
        {
            return "?";
        }
    }
}
