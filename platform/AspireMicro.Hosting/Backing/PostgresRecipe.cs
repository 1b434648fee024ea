using AspireMicro.Hosting.Processes;

namespace AspireMicro.Hosting.Backing;

public sealed class PostgresRecipe : INativeServerRecipe
{
    public string Kind => "postgres";

    public void EnsureInstalled() => throw new NotImplementedException("H2: being implemented");

    public Task<ProcessSpec> PrepareAsync(NativeServerContext context, CancellationToken ct) => throw new NotImplementedException("H2: being implemented");

    public Task<bool> IsReadyAsync(NativeServerContext context, CancellationToken ct) => throw new NotImplementedException("H2: being implemented");

    public Task StopGracefullyAsync(NativeServerContext context, IChildProcess process, CancellationToken ct) => throw new NotImplementedException("H2: being implemented");

    public string BuildConnectionString(NativeServerContext context, string? database) => throw new NotImplementedException("H2: being implemented");

    /// <summary>Creates the database of an AddDatabase child if it does not exist yet.</summary>
    public Task EnsureDatabaseAsync(NativeServerContext context, string name, CancellationToken ct) => throw new NotImplementedException("H2: being implemented");
}
