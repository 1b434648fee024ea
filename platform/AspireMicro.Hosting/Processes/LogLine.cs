namespace AspireMicro.Hosting.Processes;

/// <summary>One captured line. Line numbers start at 1 and count both streams of one process together.</summary>
public readonly record struct LogLine(long LineNumber, DateTimeOffset Timestamp, LogStream Stream, string Text);
