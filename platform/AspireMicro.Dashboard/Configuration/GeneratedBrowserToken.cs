namespace AspireMicro.Dashboard.Configuration;

/// <summary>The token made up at start-up when none was configured (null when the AppHost supplied one).</summary>
public sealed record GeneratedBrowserToken(string? Value);
