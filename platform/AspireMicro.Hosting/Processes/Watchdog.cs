using System.Diagnostics;

namespace AspireMicro.Hosting.Processes;

/// <summary>
/// Kills the process groups of our children when this process dies, however it dies (SIGKILL included).
/// The parent-death signal reaches only the direct child; grandchildren (postgres backends, Erlang helpers) live in
/// the child's process group, so a tiny shell in its own session holds the list of group ids on its stdin and,
/// when that pipe closes because we are gone, signals every group still listed.
/// </summary>
internal sealed class Watchdog
{
    // "+pgid" adds, "-pgid" removes (the group was cleaned up by us), EOF kills what is left.
    private const string Script = """
        pgs=" "
        while IFS= read -r line; do
          case "$line" in
            +*) pgs="$pgs${line#+} " ;;
            -*) pgs=$(printf '%s' "$pgs" | sed "s/ ${line#-} / /") ;;
          esac
        done
        for pg in $pgs; do kill -9 -$pg 2>/dev/null; done
        exit 0
        """;

    private readonly Lock _gate = new();
    private readonly StreamWriter _stdin;

    private Watchdog(Process process)
    {
        _stdin = process.StandardInput;
        _stdin.AutoFlush = true;
    }

    public static async Task<Watchdog> StartAsync()
    {
        // No parent-death signal here on purpose: the watchdog must outlive us. setsid keeps it out of our process
        // group, so a Ctrl+C or a group kill aimed at the AppHost does not take it down before it has done its job.
        var startInfo = new ProcessStartInfo("setsid", ["sh", "-c", Script])
        {
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        var process = await ForkThread.StartAsync(startInfo);
        return new Watchdog(process);
    }

    public void Track(int pgid) => Write($"+{pgid}");

    public void Untrack(int pgid) => Write($"-{pgid}");

    private void Write(string line)
    {
        lock (_gate)
        {
            try
            {
                _stdin.WriteLine(line);
            }
            catch (IOException)
            {
                // The watchdog is gone (someone killed it); children still have their parent-death signal.
            }
        }
    }
}
