namespace AspireMicro.Hosting;

/// <summary>How the AppHost runs. The testing builder flips the switches that make runs disposable.</summary>
public sealed class DistributedApplicationOptions
{
    public string[] Args { get; set; } = [];

    /// <summary>Do not start the dashboard (tests; no OTEL variables are injected then).</summary>
    public bool DisableDashboard { get; set; }

    /// <summary>Ignore fixed ports from WithHttpEndpoint(port) so parallel runs cannot collide.</summary>
    public bool RandomizePorts { get; set; }

    /// <summary>Ignore WithDataDirectory: every backing store gets a throwaway directory.</summary>
    public bool ForceEphemeralData { get; set; }

    /// <summary>Do not print the live resource table (tests, publish).</summary>
    public bool DisableConsoleUi { get; set; }

    /// <summary>Name used for per-AppHost state (remembered secrets, persistent data); defaults to the entry assembly name.</summary>
    public string? AppHostName { get; set; }

    /// <summary>Per-AppHost state folder; defaults to ~/.aspiremicro/{AppHostName}-{hash of the AppHost folder}.</summary>
    public string? StateDirectory { get; set; }

    /// <summary>Path of the dashboard dll; defaults to the one recorded at build time in the AppHost assembly metadata.</summary>
    public string? DashboardPath { get; set; }

    /// <summary>Remember generated secrets in <see cref="StateDirectory"/> (off for test runs: they must leave nothing behind).</summary>
    public bool PersistGeneratedSecrets { get; set; } = true;

    /// <summary>How long a resource may take to become healthy before the start is reported as failed.</summary>
    public TimeSpan StartupTimeout { get; set; } = TimeSpan.FromSeconds(90);

    /// <summary>
    /// Nice value (relative to the AppHost's) a service process (project or executable) starts at while the backing
    /// stores are not all healthy yet; once they are, it runs at normal priority;
    /// null starts services at normal priority. Only applied when the AppHost runs as root, because raising a
    /// process back to normal priority needs root.
    /// </summary>
    /// <remarks>
    /// While the backing stores boot, the services' JIT would otherwise take the CPU away from them (on two cores
    /// RabbitMQ booted in 15 s instead of 6 s). At a lower priority the services start in the CPU time the stores leave.
    /// </remarks>
    public int? ServiceStartupNiceness { get; set; } = 10;
}
