using System.Diagnostics;

namespace AspireMicro.Bench.Infrastructure;

/// <summary>Sends a signal with kill(1) (a negative pid means a process group): plain and visible, and it keeps interop out of a benchmark program.</summary>
public static class Signals
{
    public static void Send(int pid, string signal)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-s", signal, "--", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            RedirectStandardError = true,
            UseShellExecute = false,
        })!;
        kill.WaitForExit();
    }
}
