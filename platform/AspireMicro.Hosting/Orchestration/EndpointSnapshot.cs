namespace AspireMicro.Hosting.Orchestration;

public sealed record EndpointSnapshot(string Name, string Url);
