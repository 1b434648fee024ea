namespace AspireMicro.Bench.Infrastructure;

/// <param name="ExitMs">SIGINT to the AppHost's own exit.</param>
/// <param name="AllGoneMs">SIGINT to the last recorded child gone.</param>
/// <param name="Tracked">Children recorded just before SIGINT (by parent links and the instance variable).</param>
/// <param name="Survivors">Recorded children still alive afterwards (shared daemons such as epmd excluded).</param>
public sealed record StopResult(double ExitMs, double AllGoneMs, int Tracked, IReadOnlyList<ProcInfo> Survivors, int? ExitCode);
