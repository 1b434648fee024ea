using System.Runtime.InteropServices;

namespace AspireMicro.Hosting.Processes;

/// <summary>The few libc calls .NET does not expose: signalling a whole process group and asking who we run as.</summary>
internal static class PosixSignals
{
    public const int SigInt = 2;
    public const int SigKill = 9;
    public const int SigTerm = 15;
    public const int SigCont = 18;
    public const int SigStop = 19;

    /// <summary>Signals one process. Returns false when it no longer exists.</summary>
    public static bool SendToProcess(int pid, int signal) => pid > 0 && Kill(pid, signal) == 0;

    /// <summary>Signals every process in the group led by <paramref name="pgid"/> (negative pid in kill(2)).</summary>
    public static bool SendToGroup(int pgid, int signal) => pgid > 1 && Kill(-pgid, signal) == 0;

    public static bool IsRoot => GetEffectiveUserId() == 0;

    // DllImport rather than LibraryImport: these signatures are blittable, and LibraryImport would force unsafe code on the project.
    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    [DllImport("libc", EntryPoint = "geteuid")]
    private static extern uint GetEffectiveUserId();
}
