namespace AspireMicro.Hosting.ResourceService;

internal sealed record LogLineDto(long LineNumber, DateTimeOffset Timestamp, string Stream, string Text);
