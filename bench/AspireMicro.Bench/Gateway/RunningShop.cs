using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace AspireMicro.Bench.Gateway;

/// <summary>
/// The whole AppHost model run by Aspire's testing builder inside the bench, with the dashboard on (so every service
/// exports its telemetry as under F5) and the gateway's per-client rate limit lifted (wrk is one client).
/// </summary>
public sealed class RunningShop : IAsyncDisposable
{
    private RunningShop(DistributedApplication app) => App = app;

    public DistributedApplication App { get; }

    public static async Task<RunningShop> StartAsync(bool telemetry, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        // The dashboard receives the telemetry; without it (telemetry off) no OTLP endpoint is given to the services.
        Environment.SetEnvironmentVariable("ASPIRE_ALLOW_UNSECURED_TRANSPORT", "true");
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AspireMicro_AppHost>(
            ["--BackingStores=native"], (options, _) => options.DisableDashboard = !telemetry, cts.Token);
        builder.Configuration["Logging:LogLevel:Default"] = "Warning";
        builder.Configuration[$"Logging:LogLevel:{builder.Environment.ApplicationName}.Resources"] = "None";
        builder.CreateResourceBuilder<ProjectResource>("gateway").WithEnvironment("Gateway__RateLimit__PermitLimit", "1000000");
        var app = await builder.BuildAsync(cts.Token);
        await app.StartAsync(cts.Token);
        foreach (var resource in app.Services.GetRequiredService<DistributedApplicationModel>().Resources.OfType<ProjectResource>())
        {
            await app.ResourceNotifications.WaitForResourceHealthyAsync(resource.Name, cts.Token);
        }

        return new RunningShop(app);
    }

    /// <summary>The address one replica of <paramref name="project"/> listens on itself (its ASPNETCORE_URLS), past Aspire's proxy.</summary>
    public async Task<string> ReplicaAddressAsync(string project)
    {
        // The watch replays every instance's current snapshot first: the replicas' process ids are among them.
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        var pids = new Dictionary<string, int>();
        try
        {
            await foreach (var e in App.ResourceNotifications.WatchAsync(cts.Token))
            {
                if (e.Resource.Name == project
                    && e.Snapshot.Properties.FirstOrDefault(p => p.Name == "executable.pid")?.Value is { } value
                    && int.TryParse(value.ToString(), out var pid))
                {
                    pids[e.ResourceId] = pid;
                    if (Address(pid) is { } address)
                    {
                        return address;
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
        }

        throw new InvalidOperationException($"No running replica of '{project}' with ASPNETCORE_URLS (pids: {string.Join(", ", pids.Values)}).");
    }

    private static string? Address(int pid)
    {
        var environ = File.ReadAllText($"/proc/{pid}/environ").Split('\0');
        return environ.FirstOrDefault(v => v.StartsWith("ASPNETCORE_URLS=", StringComparison.Ordinal)) is { } urls
            ? urls["ASPNETCORE_URLS=".Length..].Split(';')[0].TrimEnd('/')
            : null;
    }

    public ValueTask DisposeAsync() => App.DisposeAsync();
}
