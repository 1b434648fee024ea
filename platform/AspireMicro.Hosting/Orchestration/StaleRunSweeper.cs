using System.Text.RegularExpressions;

namespace AspireMicro.Hosting.Orchestration;

/// <summary>
/// An AppHost killed with SIGKILL cannot delete its throwaway data (its children die, its temp folder stays).
/// The next AppHost removes folders whose owning AppHost process no longer exists.
/// </summary>
internal static partial class StaleRunSweeper
{
    [GeneratedRegex(@"-(\d+)-[0-9a-f]{8}$")]
    private static partial Regex OwnerPid();

    public static void Sweep(string runsRoot)
    {
        if (!Directory.Exists(runsRoot))
        {
            return;
        }

        foreach (var directory in Directory.EnumerateDirectories(runsRoot))
        {
            var match = OwnerPid().Match(Path.GetFileName(directory));
            if (!match.Success || Directory.Exists($"/proc/{match.Groups[1].Value}"))
            {
                continue;
            }

            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Someone else's or half-deleted: not worth failing a start over.
            }
        }
    }
}
