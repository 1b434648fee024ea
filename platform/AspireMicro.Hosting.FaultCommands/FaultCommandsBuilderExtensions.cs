using System.Globalization;
using Aspire.Hosting.ApplicationModel;
using AspireMicro.Hosting.FaultCommands;
using Microsoft.Extensions.DependencyInjection;

namespace Aspire.Hosting;

/// <summary>
/// <c>AddFaultCommands</c>: the commands <c>kill</c> (SIGKILL), <c>pause</c> (SIGSTOP) and <c>resume</c> (SIGCONT) on
/// every resource that runs a process (executables, projects, the native stores), next to Aspire's own
/// stop/start/restart, in the dashboard and through <c>ResourceCommandService</c>.
/// </summary>
public static class FaultCommandsBuilderExtensions
{
    public const string KillCommand = "kill";
    public const string PauseCommand = "pause";
    public const string ResumeCommand = "resume";

    /// <summary>The snapshot property holding a DCP executable's (or project's) process id.</summary>
    public const string ProcessIdProperty = "executable.pid";

    /// <summary>How long pause and resume wait for the kernel to stop or continue the process tree.</summary>
    private static readonly TimeSpan SignalTimeout = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Gives every executable and project resource of the model (also those added after this call) the fault
    /// commands. Signals go to the resource's whole process tree.
    /// </summary>
    public static IDistributedApplicationBuilder AddFaultCommands(this IDistributedApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (builder.Services.Any(d => d.ServiceType == typeof(FaultCommandsMarker)))
        {
            return builder;
        }

        builder.Services.AddSingleton<FaultCommandsMarker>();
        builder.Eventing.Subscribe<BeforeStartEvent>((e, _) =>
        {
            foreach (var resource in e.Model.Resources.Where(r => r is ExecutableResource or ProjectResource))
            {
                AddCommands(resource);
            }

            return Task.CompletedTask;
        });
        return builder;
    }

    private static void AddCommands(IResource resource)
    {
        if (resource.Annotations.OfType<ResourceCommandAnnotation>().Any(c => c.Name == KillCommand))
        {
            return;
        }

        Add(resource, KillCommand, "Kill", "Kill the process tree with SIGKILL (a crash: no clean shutdown).", "Delete", ProcessTree.SigKill);
        Add(resource, PauseCommand, "Pause", "Freeze the process tree with SIGSTOP: sockets stay open, nothing answers.", "Pause", ProcessTree.SigStop);
        Add(resource, ResumeCommand, "Resume", "Let a paused process tree run again (SIGCONT).", "Play", ProcessTree.SigCont);
    }

    private static void Add(IResource resource, string name, string displayName, string description, string icon, int signal) =>
        resource.Annotations.Add(new ResourceCommandAnnotation(
            name,
            displayName,
            updateState: context => context.ResourceSnapshot.State?.Text == KnownResourceStates.Running
                ? ResourceCommandState.Enabled
                : ResourceCommandState.Disabled,
            executeCommand: context => ExecuteAsync(context, resource, signal),
            displayDescription: description,
            parameter: null,
            confirmationMessage: null,
            iconName: icon,
            iconVariant: IconVariant.Regular,
            isHighlighted: false));

    private static async Task<ExecuteCommandResult> ExecuteAsync(ExecuteCommandContext context, IResource resource, int signal)
    {
        var notifications = context.Services.GetRequiredService<ResourceNotificationService>();
        if (!notifications.TryGetCurrentState(context.ResourceName, out var current)
            || current.Snapshot.State?.Text != KnownResourceStates.Running
            || ProcessIdOf(current.Snapshot) is not { } pid
            || !ProcessTree.IsAlive(pid))
        {
            return CommandResults.Failure($"'{resource.Name}' is not running.");
        }

        var tree = ProcessTree.Of(pid);
        switch (signal)
        {
            case ProcessTree.SigKill:
                // Freeze first so nothing forks or restarts a child while we go, then kill what the tree holds now.
                ProcessTree.Signal(tree, ProcessTree.SigStop);
                ProcessTree.Signal(ProcessTree.Of(pid).Union(tree), ProcessTree.SigKill);
                break;
            case ProcessTree.SigStop:
                ProcessTree.Signal(tree, ProcessTree.SigStop); // parents first: a parent cannot react to its child stopping
                if (!await ProcessTree.WaitForStateAsync(tree, stopped: true, SignalTimeout))
                {
                    return CommandResults.Failure($"'{resource.Name}' did not stop within {SignalTimeout.TotalSeconds:0} s of SIGSTOP.");
                }

                break;
            default:
                ProcessTree.Signal(tree.Reverse(), signal);
                if (!await ProcessTree.WaitForStateAsync(tree, stopped: false, SignalTimeout))
                {
                    return CommandResults.Failure($"'{resource.Name}' did not run again within {SignalTimeout.TotalSeconds:0} s of SIGCONT.");
                }

                break;
        }

        context.Logger.LogSignal(resource.Name, signal, tree.Count);
        return CommandResults.Success();
    }

    private static int? ProcessIdOf(CustomResourceSnapshot snapshot) =>
        snapshot.Properties.FirstOrDefault(p => p.Name == ProcessIdProperty)?.Value switch
        {
            int value => value,
            long value => (int)value,
            string text when int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) => value,
            _ => null,
        };

    private sealed class FaultCommandsMarker;
}
