using AspireMicro.Hosting.FaultCommands;

namespace AspireMicro.Hosting.NativeStores.Tests;

internal static class Processes
{
    /// <summary>Waits (bounded) until none of <paramref name="pids"/> is alive; returns those still alive.</summary>
    public static async Task<IReadOnlyList<int>> WaitUntilGoneAsync(IEnumerable<int> pids, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        var alive = pids.Distinct().ToList();
        while (true)
        {
            alive = [.. alive.Where(ProcessTree.IsAlive)];
            if (alive.Count == 0 || DateTime.UtcNow > deadline)
            {
                return alive;
            }

            await Task.Delay(100);
        }
    }

    public static string Describe(IEnumerable<int> pids) =>
        string.Join("; ", pids.Select(pid => $"{pid} {ReadCommandLine(pid)}"));

    /// <summary>The program name of a process (/proc/PID/comm).</summary>
    public static string NameOf(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/comm").Trim();
        }
        catch (IOException)
        {
            return "(gone)";
        }
    }

    private static string ReadCommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ').Trim();
        }
        catch (IOException)
        {
            return "(gone)";
        }
    }
}
