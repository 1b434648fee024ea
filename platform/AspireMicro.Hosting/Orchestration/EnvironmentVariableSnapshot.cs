namespace AspireMicro.Hosting.Orchestration;

public sealed record EnvironmentVariableSnapshot(string Name, string? Value, bool IsSecret);
