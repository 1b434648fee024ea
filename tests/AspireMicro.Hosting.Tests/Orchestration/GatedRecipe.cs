using AspireMicro.Hosting.Backing;
using AspireMicro.Hosting.Processes;

namespace AspireMicro.Hosting.Tests.Orchestration;

/// <summary>A stand-in "redis" that runs <c>sleep</c> and reports ready only once the test opens the gate: a store still booting.</summary>
internal sealed class GatedRecipe : INativeServerRecipe
{
    private volatile bool _open;

    public string Kind => "redis";

    public void Open() => _open = true;

    public void EnsureInstalled()
    {
    }

    public Task<ProcessSpec> PrepareAsync(NativeServerContext context, CancellationToken ct) =>
        Task.FromResult(new ProcessSpec("sleep", ["300"]));

    public Task<bool> IsReadyAsync(NativeServerContext context, CancellationToken ct) => Task.FromResult(_open);

    public Task StopGracefullyAsync(NativeServerContext context, IChildProcess process, CancellationToken ct) =>
        process.StopAsync(TimeSpan.FromSeconds(5), ct);

    public string BuildConnectionString(NativeServerContext context, string? database) => $"127.0.0.1:{context.Port}";
}
