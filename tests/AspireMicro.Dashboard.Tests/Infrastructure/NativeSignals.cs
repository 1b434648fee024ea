using System.Runtime.InteropServices;

namespace AspireMicro.Dashboard.Tests.Infrastructure;

/// <summary>SIGTERM lets the dashboard shut down gracefully (flushing its journal); Process.Kill would be SIGKILL.</summary>
internal static class NativeSignals
{
    private const int SigTerm = 15;

    public static void Terminate(int pid) => _ = Kill(pid, SigTerm);

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
