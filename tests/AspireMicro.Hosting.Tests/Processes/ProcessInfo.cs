namespace AspireMicro.Hosting.Tests.Processes;

/// <summary>One row of /proc. <see cref="StartTicks"/> tells a process apart from a later one that reuses its pid.</summary>
internal sealed record ProcessInfo(int Pid, int ParentPid, int SessionId, long StartTicks, string CommandLine, string Environment)
{
    // Only the machine-wide daemon a foreign Erlang node may have started; our nodes run their own epmd, which must die with them.
    public bool IsSharedEpmdDaemon => CommandLine.Contains("epmd", StringComparison.Ordinal) && CommandLine.Contains("-daemon", StringComparison.Ordinal);

    public bool HasMarker(string marker) =>
        Environment.Contains($"ASPIREMICRO_INSTANCE={marker}\0", StringComparison.Ordinal);

    public override string ToString() => $"{Pid} (sid {SessionId}) {CommandLine[..Math.Min(CommandLine.Length, 100)]}";
}
