namespace AspireMicro.Bench.Infrastructure;

/// <summary>One process as /proc shows it; StartTicks tells a reused PID from the original one.</summary>
public sealed record ProcInfo(int Pid, int ParentPid, int ProcessGroup, long StartTicks, char State, string Command);
