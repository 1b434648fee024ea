using System.Runtime.InteropServices;
using AspireMicro.Hosting.ApplicationModel;
using AspireMicro.Hosting.Backing;
using AspireMicro.Hosting.ConsoleUi;
using AspireMicro.Hosting.Dashboard;
using AspireMicro.Hosting.Orchestration;
using AspireMicro.Hosting.Processes;
using AspireMicro.Hosting.ResourceService;
using Microsoft.Extensions.DependencyInjection;

namespace AspireMicro.Hosting;

public sealed partial class DistributedApplication
{
    private readonly Lock _startGate = new();
    private ApplicationOrchestrator? _orchestrator;
    private ResourceServiceHost? _resourceService;
    private IChildProcess? _dashboard;

    public ResourceNotificationService ResourceNotifications { get; } = new();

    public ResourceLoggerService ResourceLogs { get; } = new();

    /// <summary>Base URL of the resource service once started (send <see cref="ResourceServiceApiKey"/> as <c>x-resource-service-api-key</c>).</summary>
    public string? ResourceServiceUrl => _resourceService?.Url;

    public string? ResourceServiceApiKey => _resourceService?.ApiKey;

    /// <summary><c>http://127.0.0.1:{port}/login?t={token}</c> when the dashboard runs.</summary>
    public string? DashboardLoginUrl { get; private set; }

    public ApplicationOrchestrator Orchestrator
    {
        get
        {
            lock (_startGate)
            {
                return _orchestrator ??= new ApplicationOrchestrator(
                    Model, Options, ExecutionContext, ResourceNotifications, ResourceLogs, Services.GetServices<INativeServerRecipe>());
            }
        }
    }

    /// <summary>Blocks until Ctrl+C / SIGTERM (run), or publishes (publish); returns the process exit code.</summary>
    public int Run()
    {
        if (DistributedApplicationHooks.Current?.OnRun is { } onRun)
        {
            return onRun(this);
        }

        var exitCode = RunAsync().GetAwaiter().GetResult();
        Environment.ExitCode = exitCode;
        return exitCode;
    }

    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        var command = CommandLine.Parse(Options.Args);
        switch (command.Verb)
        {
            case CliVerb.Help:
                Console.WriteLine(CommandLine.HelpText);
                return ExitCodes.Success;
            case CliVerb.Invalid:
                await Console.Error.WriteLineAsync($"error: {command.Error}");
                return ExitCodes.UsageError;
            case CliVerb.Publish:
                return await PublishAsync(command.Target!, command.OutputDirectory!, Console.Error, cancellationToken);
            default:
                return await RunUntilStoppedAsync(cancellationToken);
        }
    }

    private async Task<int> RunUntilStoppedAsync(CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        // Ctrl+C and SIGTERM both mean "stop everything cleanly"; the process layer covers SIGKILL.
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; stop.Cancel(); });
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stop.Cancel(); });
        ConsoleResourceTable? table = null;
        try
        {
            if (!Options.DisableConsoleUi)
            {
                table = ConsoleResourceTable.Start(ResourceNotifications, stop.Token);
            }

            await StartAsync(stop.Token);
            if (DashboardLoginUrl is not null)
            {
                table?.SetFooter($"Dashboard: {DashboardLoginUrl}");
            }

            await Task.Delay(Timeout.Infinite, stop.Token).ContinueWith(_ => { }, TaskScheduler.Default);
            Console.WriteLine("Stopping…");
            return ExitCodes.Success;
        }
        catch (DistributedApplicationException ex)
        {
            table?.Dispose();
            table = null;
            await Console.Error.WriteLineAsync($"error: {ex.Message}");
            return ExitCodes.StartupFailed;
        }
        finally
        {
            table?.Dispose();
            await StopAsync(CancellationToken.None);
        }
    }

    /// <summary>
    /// Validates and starts: resource service, dashboard (unless disabled), then every resource in dependency order.
    /// Returns when everything is launched (not necessarily healthy: use <see cref="ResourceNotifications"/>).
    /// On a <see cref="DistributedApplicationException"/> nothing is left running.
    /// </summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        var orchestrator = Orchestrator;
        try
        {
            await orchestrator.PrepareAsync(cancellationToken);
            _resourceService = new ResourceServiceHost();
            await _resourceService.StartAsync(ResourceNotifications, ResourceLogs, orchestrator, cancellationToken);
            await StartDashboardAsync(orchestrator, cancellationToken);
            orchestrator.Launch();
        }
        catch
        {
            await StopAsync(CancellationToken.None);
            throw;
        }
    }

    private async Task StartDashboardAsync(ApplicationOrchestrator orchestrator, CancellationToken cancellationToken)
    {
        if (Options.DisableDashboard)
        {
            return;
        }

        if (Options.DashboardPath is not { } dll || !File.Exists(dll))
        {
            await Console.Error.WriteLineAsync($"warning: dashboard not found ({Options.DashboardPath ?? "no path recorded"}); running without it.");
            return;
        }

        var launcher = new DashboardLauncher(dll, Path.Combine(Options.StateDirectory!, "dashboard"));
        orchestrator.Otlp = launcher.AllocatePorts(orchestrator.Ports);
        _dashboard = await launcher.StartAsync(orchestrator.Host, _resourceService!.Url!, _resourceService.ApiKey, ResourceLogs, cancellationToken);
        DashboardLoginUrl = launcher.LoginUrl;
    }

    /// <summary>Stops every resource (services first, then backing stores) and, alongside, the dashboard; then the resource service.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        // Nothing depends on the dashboard at shutdown: stopping it beside the resources, not before them, saves its whole stop time.
        var dashboard = _dashboard is null ? Task.CompletedTask : _dashboard.StopAsync(TimeSpan.FromSeconds(3), cancellationToken);
        var resources = _orchestrator is null ? Task.CompletedTask : _orchestrator.StopAsync(cancellationToken);
        await Task.WhenAll(dashboard, resources);

        if (_resourceService is not null)
        {
            await _resourceService.DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None);
        if (_orchestrator is not null)
        {
            await _orchestrator.DisposeAsync();
        }

        await ((IAsyncDisposable)Services).DisposeAsync();
    }
}
