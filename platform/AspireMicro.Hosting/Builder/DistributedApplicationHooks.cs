namespace AspireMicro.Hosting;

/// <summary>
/// Seam for testing the real AppHost: a test sets <see cref="Current"/>, then invokes the AppHost's own <c>Program</c>.
/// <see cref="DistributedApplication.CreateBuilder(string[])"/> applies <see cref="ConfigureOptions"/> and reports the builder;
/// <see cref="DistributedApplication.Run"/> hands the app to <see cref="OnRun"/> instead of blocking.
/// AsyncLocal so parallel tests each capture their own AppHost.
/// </summary>
public sealed class DistributedApplicationHooks
{
    private static readonly AsyncLocal<DistributedApplicationHooks?> CurrentHooks = new();

    public static DistributedApplicationHooks? Current
    {
        get => CurrentHooks.Value;
        set => CurrentHooks.Value = value;
    }

    public Action<DistributedApplicationOptions>? ConfigureOptions { get; init; }

    public Action<IDistributedApplicationBuilder>? OnBuilderCreated { get; init; }

    /// <summary>Receives the built app instead of <c>Run</c> starting it; returns the exit code <c>Run</c> reports.</summary>
    public Func<DistributedApplication, int>? OnRun { get; init; }
}
