using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace Aspire.Hosting;

/// <summary>
/// When the AppHost's code began to run (its assembly was loaded), for <see cref="StartupReport"/>. Not the
/// process start time: <c>./run.sh</c> builds first and then execs the AppHost in the same process, whose start
/// time is therefore the script's, build included.
/// </summary>
internal static class AppHostClock
{
    private static long s_started;

    // CA2255 warns that module initializers are meant for libraries; here one is the point: it runs before the
    // first statement of Program.cs, so the clock includes building the model.
#pragma warning disable CA2255
    [ModuleInitializer]
    internal static void Start() => s_started = Stopwatch.GetTimestamp();
#pragma warning restore CA2255

    public static TimeSpan Elapsed => Stopwatch.GetElapsedTime(s_started);
}
