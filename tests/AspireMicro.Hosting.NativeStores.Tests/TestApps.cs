using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using AspireMicro.Hosting.FaultCommands;
using AspireMicro.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace AspireMicro.Hosting.NativeStores.Tests;

/// <summary>Small app models on the real Aspire.Hosting.Testing, and bounded waits (Aspire has no default timeout).</summary>
internal static class TestApps
{
    /// <summary>Generous: two shared cores, and RabbitMQ's first boot alone takes 6-12 s on them.</summary>
    public static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);

    public static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(60);

    public static IDistributedApplicationTestingBuilder CreateBuilder(params string[] args)
    {
        var builder = DistributedApplicationTestingBuilder.Create(args).WithQuietLogs();
        builder.AddFaultCommands();
        return builder;
    }

    public static CancellationToken Timeout(TimeSpan timeout) => new CancellationTokenSource(timeout).Token;

    public static async Task<DistributedApplication> StartAsync(IDistributedApplicationTestingBuilder builder, params string[] waitHealthy)
    {
        var app = await builder.BuildAsync();
        var ct = Timeout(StartTimeout);
        await app.StartAsync(ct);
        await Task.WhenAll(waitHealthy.Select(name => app.ResourceNotifications.WaitForResourceHealthyAsync(name, ct)));
        return app;
    }

    public static async Task<string> ConnectionStringAsync(this DistributedApplication app, string name) =>
        await app.GetConnectionStringAsync(name, Timeout(StepTimeout)) ?? throw new InvalidOperationException($"No connection string for '{name}'.");

    /// <summary>The process id DCP reports for a resource, or null when it has none (not running).</summary>
    public static int? ProcessId(this DistributedApplication app, string name) =>
        app.ResourceNotifications.TryGetCurrentState(name, out var e)
            ? e.Snapshot.Properties.FirstOrDefault(p => p.Name == FaultCommandsBuilderExtensions.ProcessIdProperty)?.Value switch
            {
                int pid => pid,
                long pid => (int)pid,
                string text when int.TryParse(text, out var pid) => pid,
                _ => null,
            }
            : null;

    /// <summary>The resource's process and its descendants right now.</summary>
    public static IReadOnlyList<int> ProcessTreeOf(this DistributedApplication app, string name) =>
        app.ProcessId(name) is { } pid ? ProcessTree.Of(pid) : [];

    public static string? State(this DistributedApplication app, string name) =>
        app.ResourceNotifications.TryGetCurrentState(name, out var e) ? e.Snapshot.State?.Text : null;

    /// <summary>Collects a resource's console output (backlog first) until the returned collector is disposed.</summary>
    public static ResourceLogCollector CollectLogs(this DistributedApplication app, string name) => new(app, name);

    public static Task WaitForStateAsync(this DistributedApplication app, string name, Func<string?, bool> predicate, TimeSpan timeout) =>
        app.ResourceNotifications.WaitForResourceAsync(name, e => predicate(e.Snapshot.State?.Text), Timeout(timeout));
}
