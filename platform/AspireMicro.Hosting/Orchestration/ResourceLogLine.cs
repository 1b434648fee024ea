namespace AspireMicro.Hosting.Orchestration;

/// <summary>One captured output line; <see cref="LineNumber"/> counts per resource instance across restarts.</summary>
public sealed record ResourceLogLine(long LineNumber, DateTimeOffset Timestamp, string Stream, string Text);
