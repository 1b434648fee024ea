namespace AspireMicro.Dashboard.Tests.ResourceService;

public sealed record StandInEndpoint(string Name, string Url);
