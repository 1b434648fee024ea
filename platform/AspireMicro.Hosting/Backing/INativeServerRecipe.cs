using AspireMicro.Hosting.Processes;

namespace AspireMicro.Hosting.Backing;

/// <summary>How to run one kind of backing server natively (no container engine needed).</summary>
public interface INativeServerRecipe
{
    /// <summary>"postgres", "redis", "rabbitmq".</summary>
    string Kind { get; }

    /// <summary>Names of the ports, besides the main one, the orchestrator must allocate into <see cref="NativeServerContext.ExtraPorts"/>.</summary>
    IReadOnlyList<string> ExtraPortNames => [];

    /// <summary>Throws <see cref="MissingPrerequisiteException"/> naming the Debian package when a binary is missing.</summary>
    void EnsureInstalled();

    /// <summary>Prepares the data dir and config files; returns how to run the server in the foreground.</summary>
    Task<ProcessSpec> PrepareAsync(NativeServerContext context, CancellationToken ct);

    /// <summary>A real protocol-level probe (login with the password), not just an open port.</summary>
    Task<bool> IsReadyAsync(NativeServerContext context, CancellationToken ct);

    /// <summary>Asks the server to shut down cleanly; kills it if it has not exited in time.</summary>
    Task StopGracefullyAsync(NativeServerContext context, IChildProcess process, CancellationToken ct);

    /// <summary>Connection string in the .NET Aspire format (docs/contracts.md).</summary>
    string BuildConnectionString(NativeServerContext context, string? database);
}
