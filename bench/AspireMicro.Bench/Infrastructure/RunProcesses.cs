using System.Text.RegularExpressions;

namespace AspireMicro.Bench.Infrastructure;

/// <summary>
/// Every process of one AppHost run, found in /proc: its descendants, the DCP processes that detached from it but
/// watch it (<c>dcp … --monitor {pid}</c>, as tests/AspireMicro.EndToEnd.Tests/Infrastructure/ProcessTree.cs finds
/// them) with their descendants, and anything carrying the run's marker variable (a process re-parented to init
/// after its parent died keeps it).
/// </summary>
public static class RunProcesses
{
    public static IReadOnlyList<ProcInfo> Find(int hostPid, string marker)
    {
        var all = ProcessTable.Snapshot();
        var monitor = new Regex($@"--monitor\s+{hostPid}(\s|$)", RegexOptions.CultureInvariant);
        var roots = all.Where(p => p.Pid == hostPid
            || monitor.IsMatch(ProcessTable.CommandLine(p.Pid))
            || ProcessTable.HasEnvironment(p.Pid, marker)).ToList();

        var byParent = all.ToLookup(p => p.ParentPid);
        var found = roots.ToDictionary(p => p.Pid);
        var frontier = new Queue<int>(roots.Select(p => p.Pid));
        while (frontier.TryDequeue(out var current))
        {
            foreach (var child in byParent[current])
            {
                if (found.TryAdd(child.Pid, child))
                {
                    frontier.Enqueue(child.Pid);
                }
            }
        }

        return [.. found.Values];
    }
}
