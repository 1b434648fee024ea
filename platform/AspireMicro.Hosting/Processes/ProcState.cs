namespace AspireMicro.Hosting.Processes;

/// <summary>Reads the one-letter scheduler state of a process from /proc (R, S, D, T = stopped, Z = zombie).</summary>
internal static class ProcState
{
    public static char? Of(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // The command name in parentheses may contain spaces, so the state is found after the last ')'.
            var end = stat.LastIndexOf(')');
            return end > 0 && end + 2 < stat.Length ? stat[end + 2] : null;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
