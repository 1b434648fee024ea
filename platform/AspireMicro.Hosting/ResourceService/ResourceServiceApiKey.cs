namespace AspireMicro.Hosting.ResourceService;

internal sealed record ResourceServiceApiKey(string Value);
