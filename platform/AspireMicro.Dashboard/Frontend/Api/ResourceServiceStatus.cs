namespace AspireMicro.Dashboard.Frontend.Api;

public sealed record ResourceServiceStatus(bool Configured, string? Url);
