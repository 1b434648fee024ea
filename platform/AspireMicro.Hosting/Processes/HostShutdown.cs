using System.Runtime.InteropServices;

namespace AspireMicro.Hosting.Processes;

/// <summary>
/// Last line of defence inside the AppHost process: when it exits, or is told to stop and does not finish stopping
/// in time, every child of every live <see cref="ChildProcessHost"/> is killed. The orderly path (the orchestrator
/// stopping resources, then disposing the host) normally gets there first.
/// </summary>
internal static class HostShutdown
{
    // Time the orchestrator gets after SIGINT/SIGTERM to stop things in order before we kill whatever is left.
    private static readonly TimeSpan Escalation = TimeSpan.FromSeconds(15);

    private static readonly Lock Gate = new();
    private static readonly HashSet<ChildProcessHost> Hosts = [];
    private static readonly List<PosixSignalRegistration> Registrations = [];
    private static int _signals;

    public static void Register(ChildProcessHost host)
    {
        lock (Gate)
        {
            if (Registrations.Count == 0)
            {
                AppDomain.CurrentDomain.ProcessExit += (_, _) => KillEverything();
                Registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal));
                Registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal));
                Registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGQUIT, OnSignal));
            }

            Hosts.Add(host);
        }
    }

    public static void Unregister(ChildProcessHost host)
    {
        lock (Gate)
        {
            Hosts.Remove(host);
        }
    }

    private static void OnSignal(PosixSignalContext context)
    {
        // Not cancelled: the generic host (or the runtime default) still gets to shut down as usual.
        if (Interlocked.Increment(ref _signals) > 1)
        {
            KillEverything(); // a second Ctrl+C means "now"
            return;
        }

        _ = Task.Delay(Escalation).ContinueWith(_ => KillEverything(), TaskScheduler.Default);
    }

    private static void KillEverything()
    {
        ChildProcessHost[] hosts;
        lock (Gate)
        {
            hosts = [.. Hosts];
        }

        foreach (var host in hosts)
        {
            host.KillAll();
        }
    }
}
