using AspireMicro.Hosting.Processes;

namespace AspireMicro.Hosting.Backing;

public sealed class RabbitMqRecipe : INativeServerRecipe
{
    public string Kind => "rabbitmq";

    public IReadOnlyList<string> ExtraPortNames => ["dist"];

    public void EnsureInstalled() => throw new NotImplementedException("H2: being implemented");

    public Task<ProcessSpec> PrepareAsync(NativeServerContext context, CancellationToken ct) => throw new NotImplementedException("H2: being implemented");

    public Task<bool> IsReadyAsync(NativeServerContext context, CancellationToken ct) => throw new NotImplementedException("H2: being implemented");

    public Task StopGracefullyAsync(NativeServerContext context, IChildProcess process, CancellationToken ct) => throw new NotImplementedException("H2: being implemented");

    public string BuildConnectionString(NativeServerContext context, string? database) => throw new NotImplementedException("H2: being implemented");
}
