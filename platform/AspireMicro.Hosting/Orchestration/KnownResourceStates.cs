namespace AspireMicro.Hosting.Orchestration;

/// <summary>Values of <see cref="ResourceSnapshot.State"/> (strings, as on the wire in docs/contracts.md).</summary>
public static class KnownResourceStates
{
    public const string NotStarted = "NotStarted";
    public const string Waiting = "Waiting";
    public const string Starting = "Starting";
    public const string Running = "Running";
    public const string Paused = "Paused";
    public const string Stopping = "Stopping";
    public const string Exited = "Exited";
    public const string FailedToStart = "FailedToStart";

    public static bool IsStopped(string state) => state is NotStarted or Exited or FailedToStart;
}
