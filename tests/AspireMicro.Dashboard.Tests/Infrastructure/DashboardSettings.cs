namespace AspireMicro.Dashboard.Tests.Infrastructure;

/// <summary>How a test wants its dashboard process configured; StoragePath is kept across restarts.</summary>
public sealed record DashboardSettings
{
    public string ApiKey { get; init; } = "test-api-key-" + Guid.NewGuid().ToString("N")[..8];
    public string BrowserToken { get; init; } = "test-token-" + Guid.NewGuid().ToString("N");
    public string? StoragePath { get; init; }
    public string? ResourceServiceUrl { get; init; }
    public string? ResourceServiceApiKey { get; init; }
    public IReadOnlyDictionary<string, string> Extra { get; init; } = new Dictionary<string, string>();
}
