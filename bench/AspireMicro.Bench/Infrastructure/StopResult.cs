namespace AspireMicro.Bench.Infrastructure;

/// <param name="Signal">INT (Ctrl+C), TERM or KILL, sent to the AppHost only.</param>
/// <param name="HostExitMs">Signal to the AppHost's own exit.</param>
/// <param name="AllGoneMs">Signal to zero processes of the run left; null when some were still alive after the grace period.</param>
/// <param name="Tracked">Processes of the run seen from just before the signal until the end (the AppHost included).</param>
/// <param name="Survivors">Processes still alive when the grace period ended (then killed by the bench, by PID).</param>
/// <param name="LeftBehind">Survivors still alive even after the bench's SIGKILL: the run was not cleaned up.</param>
/// <param name="LastToGo">Commands of the processes alive at the last poll before zero (or at the end of the grace period).</param>
public sealed record StopResult(
    string Signal,
    double HostExitMs,
    double? AllGoneMs,
    int Tracked,
    IReadOnlyList<(ProcInfo Process, string CommandLine)> Survivors,
    int LeftBehind,
    IReadOnlyList<string> LastToGo);
