using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting;

/// <summary>
/// Fault injection and lifecycle commands on a running app, for tests: each runs the resource's command and throws
/// <see cref="ResourceCommandException"/> with the command's message when it fails.
/// </summary>
public static class DistributedApplicationResourceExtensions
{
    /// <summary>SIGKILL of the resource's process tree (needs <c>AddFaultCommands</c>).</summary>
    public static Task KillResourceAsync(this DistributedApplication app, string resourceName, CancellationToken cancellationToken = default) =>
        RunAsync(app, resourceName, FaultCommandsBuilderExtensions.KillCommand, cancellationToken);

    /// <summary>SIGSTOP of the resource's process tree (needs <c>AddFaultCommands</c>).</summary>
    public static Task PauseResourceAsync(this DistributedApplication app, string resourceName, CancellationToken cancellationToken = default) =>
        RunAsync(app, resourceName, FaultCommandsBuilderExtensions.PauseCommand, cancellationToken);

    /// <summary>SIGCONT of the resource's process tree (needs <c>AddFaultCommands</c>).</summary>
    public static Task ResumeResourceAsync(this DistributedApplication app, string resourceName, CancellationToken cancellationToken = default) =>
        RunAsync(app, resourceName, FaultCommandsBuilderExtensions.ResumeCommand, cancellationToken);

    /// <summary>Aspire's built-in <c>stop</c>.</summary>
    public static Task StopResourceAsync(this DistributedApplication app, string resourceName, CancellationToken cancellationToken = default) =>
        RunAsync(app, resourceName, KnownResourceCommands.StopCommand, cancellationToken);

    /// <summary>Aspire's built-in <c>start</c>.</summary>
    public static Task StartResourceAsync(this DistributedApplication app, string resourceName, CancellationToken cancellationToken = default) =>
        RunAsync(app, resourceName, KnownResourceCommands.StartCommand, cancellationToken);

    /// <summary>Aspire's built-in <c>restart</c>.</summary>
    public static Task RestartResourceAsync(this DistributedApplication app, string resourceName, CancellationToken cancellationToken = default) =>
        RunAsync(app, resourceName, KnownResourceCommands.RestartCommand, cancellationToken);

    private static async Task RunAsync(DistributedApplication app, string resourceName, string command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(app);
        var result = await app.ResourceCommands.ExecuteCommandAsync(resourceName, command, cancellationToken);
        if (!result.Success)
        {
            throw new ResourceCommandException(resourceName, command, result.Canceled ? "canceled" : result.Message ?? "failed");
        }
    }
}

/// <summary>A resource command run from code failed; the message is the command's own.</summary>
public sealed class ResourceCommandException(string resourceName, string command, string message)
    : DistributedApplicationException($"Command '{command}' on '{resourceName}' failed: {message}")
{
    public string ResourceName { get; } = resourceName;

    public string Command { get; } = command;

    /// <summary>The message the command returned.</summary>
    public string CommandMessage { get; } = message;
}
