using System.Runtime.InteropServices;

namespace AspireMicro.Hosting.NativeStores;

internal static partial class Posix
{
    public static bool IsRoot => OperatingSystem.IsLinux() && geteuid() == 0;

    public static uint EffectiveUserId => OperatingSystem.IsLinux() ? geteuid() : 0;

    /// <summary>Start time of a process in clock ticks since boot (field 22 of /proc/PID/stat), or null if it is gone.</summary>
    public static long? StartTime(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // The command name (field 2) is in parentheses and may hold spaces: count fields after the last ')'.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return long.Parse(fields[22 - 3], System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    [LibraryImport("libc")]
    private static partial uint geteuid();
}
