using AspireMicro.Hosting.ApplicationModel;
using AspireMicro.Hosting.Backing;
using AspireMicro.Hosting.Processes;

namespace AspireMicro.Hosting.Orchestration;

public sealed partial class ApplicationOrchestrator
{
    private async Task StartWhenDependenciesHealthyAsync(ResourceInstance instance, CancellationToken cancellationToken)
    {
        var targets = instance.Resource.GetWaitTargets().Distinct().ToList();
        try
        {
            if (targets.Count > 0)
            {
                _notifications.Publish(instance.Name, s => s with { State = KnownResourceStates.Waiting });
                await Task.WhenAll(targets.Select(t => _notifications.WaitForResourceHealthyAsync(t.Name, cancellationToken)));
            }

            await StartInstanceAsync(instance, cancellationToken);
        }
        catch (OperationCanceledException)
        {
        }
        catch (DistributedApplicationException ex)
        {
            // A dependency failed: this one can never start on its own, say so instead of waiting forever.
            SystemLog(instance, ex.Message);
            _notifications.Publish(instance.Name, s => s with { State = KnownResourceStates.FailedToStart, HealthDescription = ex.Message });
        }
    }

    private async Task StartInstanceAsync(ResourceInstance instance, CancellationToken cancellationToken)
    {
        await instance.Gate.WaitAsync(cancellationToken);
        try
        {
            if (instance.Process is not null)
            {
                return;
            }

            instance.StopRequested = false;
            _notifications.Publish(instance.Name, s => s with
            {
                State = KnownResourceStates.Starting,
                Health = KnownHealthStates.Unknown,
                HealthDescription = null,
                ExitCode = null,
                StoppedAt = null,
            });
            await LaunchAsync(instance, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var message = ex is DistributedApplicationException ? ex.Message : $"Resource '{instance.Name}' failed to start: {ex.Message}";
            SystemLog(instance, message);
            _notifications.Publish(instance.Name, s => s with
            {
                State = KnownResourceStates.FailedToStart,
                Health = KnownHealthStates.Unhealthy,
                HealthDescription = message,
                StoppedAt = DateTimeOffset.UtcNow,
            });
        }
        finally
        {
            instance.Gate.Release();
        }
    }

    private async Task LaunchAsync(ResourceInstance instance, CancellationToken cancellationToken)
    {
        if (instance.Resource is PostgresDatabaseResource database)
        {
            await CreateDatabaseAsync(instance, database, cancellationToken);
            return;
        }

        var (spec, environment) = instance.Resource switch
        {
            INativeServerResource server => (await PrepareServerAsync(instance, server, cancellationToken), []),
            _ => await PrepareProcessAsync(instance, cancellationToken),
        };
        var process = await Host.StartAsync(spec, line => _logs.Append(
            instance.Name, line.Timestamp, line.Stream == LogStream.StdErr ? "stderr" : "stdout", line.Text), cancellationToken);
        instance.Process = process;
        RestorePriorityIfStoresCameUpMeanwhile(instance);
        _notifications.Publish(instance.Name, s => s with
        {
            State = KnownResourceStates.Running,
            Pid = process.Pid,
            StartedAt = DateTimeOffset.UtcNow,
            Environment = environment.Length > 0 ? environment : s.Environment,
        });
        _ = process.Completion.ContinueWith(t => OnExited(instance, process, t.IsCompletedSuccessfully ? t.Result : -1), TaskScheduler.Default);
        StartHealthMonitor(instance);
    }

    private async Task<(ProcessSpec, System.Collections.Immutable.ImmutableArray<EnvironmentVariableSnapshot>)> PrepareProcessAsync(
        ResourceInstance instance, CancellationToken cancellationToken)
    {
        var (environment, snapshot) = await EnvironmentResolver.ResolveAsync(instance, _executionContext, Otlp, cancellationToken);
        var args = new List<string>();
        foreach (var arg in await instance.Resource.GetArgumentsAsync(_executionContext, cancellationToken))
        {
            args.Add(await EnvironmentResolver.ResolveValueAsync(arg, cancellationToken));
        }

        ProcessSpec spec = instance.Resource switch
        {
            ProjectResource project => ProjectSpec(project, args) with { Niceness = StartupNiceness },
            ExecutableResource executable => new ProcessSpec(executable.Command, args) { WorkingDirectory = executable.WorkingDirectory, Niceness = StartupNiceness },
            _ => throw new InvalidOperationException($"Resource '{instance.Name}' of type {instance.ResourceType} cannot be started as a process."),
        };
        return (spec with { Environment = environment }, snapshot);
    }

    private static ProcessSpec ProjectSpec(ProjectResource project, List<string> args)
    {
        var dll = project.Metadata.AssemblyPath;
        if (!File.Exists(dll))
        {
            throw new DistributedApplicationException($"Resource '{project.Name}': project output '{dll}' does not exist; build the AppHost first (dotnet build).");
        }

        // `dotnet X.dll`, never `dotnet run`: no build at start-up, and the pid we track is the service itself.
        return new ProcessSpec("dotnet", [dll, .. args]) { WorkingDirectory = Path.GetDirectoryName(project.Metadata.ProjectPath) };
    }

    private async Task<ProcessSpec> PrepareServerAsync(ResourceInstance instance, INativeServerResource server, CancellationToken cancellationToken)
    {
        var recipe = Recipe(server);
        if (instance.ServerContext is null)
        {
            var data = _options.ForceEphemeralData ? null : server.GetAnnotations<DataDirectoryAnnotation>().LastOrDefault();
            var persistent = data is not null;
            var directory = data is null
                ? Path.Combine(_ephemeralRoot, server.Name)
                : data.Path ?? DefaultPersistentDirectory(_options.StateDirectory!, server.Name);
            Directory.CreateDirectory(directory);
            var extraPorts = recipe.ExtraPortNames.ToDictionary(n => n, _ => Ports.Allocate());
            instance.ServerContext = new NativeServerContext(
                server.Name,
                directory,
                server.PrimaryEndpoint.GetAllocatedEndpoint().Port,
                await server.PasswordParameter.GetValueAsync(cancellationToken) ?? string.Empty,
                persistent)
            {
                ExtraPorts = extraPorts,
            };
        }

        return await recipe.PrepareAsync(instance.ServerContext, cancellationToken);
    }

    /// <summary>Where <c>WithDataDirectory()</c> without a path keeps a server's data.</summary>
    /// <remarks>
    /// The state folder lives in the user's profile. As root the servers run as the postgres and rabbitmq users,
    /// who cannot enter /root (or a 0700 temp folder), so root keeps persistent data under /var/lib instead.
    /// </remarks>
    public static string DefaultPersistentDirectory(string stateDirectory, string serverName)
    {
        if (!Environment.IsPrivilegedProcess)
        {
            return Path.Combine(stateDirectory, "data", serverName);
        }

        var appHostFolder = Path.GetFileName(Path.TrimEndingDirectorySeparator(stateDirectory));
        return Path.Combine(PrivilegedDataRoot, appHostFolder, "data", serverName);
    }

    public const string PrivilegedDataRoot = "/var/lib/aspiremicro";

    private async Task CreateDatabaseAsync(ResourceInstance instance, PostgresDatabaseResource database, CancellationToken cancellationToken)
    {
        var server = FindServerInstance(database.Server)?.ServerContext
            ?? throw new DistributedApplicationException($"Resource '{instance.Name}': server '{database.Server.Name}' is not running.");
        if (Recipe(database.Server) is not PostgresRecipe recipe)
        {
            throw new DistributedApplicationException($"Resource '{instance.Name}': the postgres recipe cannot create databases.");
        }

        await recipe.EnsureDatabaseAsync(server, database.DatabaseName, cancellationToken);
        _notifications.Publish(instance.Name, s => s with
        {
            State = KnownResourceStates.Running,
            Health = KnownHealthStates.Healthy,
            StartedAt = DateTimeOffset.UtcNow,
        });
    }

    private void OnExited(ResourceInstance instance, IChildProcess process, int exitCode)
    {
        if (!ReferenceEquals(instance.Process, process))
        {
            return;
        }

        instance.Process = null;
        instance.MonitorCancellation?.Cancel();
        if (!instance.StopRequested)
        {
            // Restart nothing silently: a crash stays visible as Exited with its code.
            SystemLog(instance, $"process {process.Pid} exited with code {exitCode}");
        }

        _notifications.Publish(instance.Name, s => s with
        {
            State = KnownResourceStates.Exited,
            Health = KnownHealthStates.Unknown,
            HealthDescription = null,
            ExitCode = exitCode,
            StoppedAt = DateTimeOffset.UtcNow,
            Pid = null,
        });
    }
}
