namespace AspireMicro.Hosting.Orchestration;

public static class KnownResourceCommands
{
    public const string Stop = "stop";
    public const string Start = "start";
    public const string Restart = "restart";
    public const string Kill = "kill";
    public const string Pause = "pause";
    public const string Resume = "resume";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { Stop, Start, Restart, Kill, Pause, Resume };
}
