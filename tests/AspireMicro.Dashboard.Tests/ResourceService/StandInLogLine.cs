namespace AspireMicro.Dashboard.Tests.ResourceService;

public sealed record StandInLogLine(int LineNumber, DateTimeOffset Timestamp, string Stream, string Text);
