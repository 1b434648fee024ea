namespace AspireMicro.Dashboard.Tests.ResourceService;

public sealed record StandInEnvironmentVariable(string Name, string Value, bool IsSecret);
