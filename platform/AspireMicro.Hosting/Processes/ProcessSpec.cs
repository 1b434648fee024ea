namespace AspireMicro.Hosting.Processes;

/// <summary>How to start one child process. The host adds the parent-death and process-group wrapping itself.</summary>
public sealed record ProcessSpec(string FileName, IReadOnlyList<string> Arguments)
{
    public string? WorkingDirectory { get; init; }

    /// <summary>Added to (and overriding) the AppHost's own environment.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>When set and the AppHost runs as root, the child runs as this user (postgres refuses root).</summary>
    public string? RunAsUser { get; init; }

    /// <summary>When set, the child starts at this nice value (higher = yields the CPU to others).</summary>
    public int? Niceness { get; init; }
}
