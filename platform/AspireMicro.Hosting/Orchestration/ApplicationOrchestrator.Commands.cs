namespace AspireMicro.Hosting.Orchestration;

public sealed partial class ApplicationOrchestrator
{
    /// <summary>
    /// Runs a command on an instance (<c>catalog-1</c>) or on every instance of a resource (<c>catalog</c>).
    /// Returns once the command took effect (a start returns when the process runs, not when it is healthy).
    /// </summary>
    public async Task<CommandResult> ExecuteCommandAsync(string name, string command, CancellationToken cancellationToken = default)
    {
        if (!KnownResourceCommands.All.Contains(command))
        {
            return CommandResult.UnknownCommand;
        }

        var targets = _instances.Where(i => string.Equals(i.Name, name, StringComparison.OrdinalIgnoreCase)).ToList();
        if (targets.Count == 0)
        {
            targets = [.. _instances.Where(i => string.Equals(i.Resource.Name, name, StringComparison.OrdinalIgnoreCase))];
        }

        if (targets.Count == 0)
        {
            return CommandResult.NotFound;
        }

        var states = targets.Select(t => _notifications.TryGetSnapshot(t.Name)?.State ?? KnownResourceStates.NotStarted).ToList();
        var hasProcess = targets.Any(t => t.Process is not null);
        switch (command.ToLowerInvariant())
        {
            case KnownResourceCommands.Stop when hasProcess:
                await Task.WhenAll(targets.Select(t => StopInstanceAsync(t, cancellationToken)));
                return CommandResult.Accepted;
            case KnownResourceCommands.Start when states.All(KnownResourceStates.IsStopped) && targets.All(IsProcessResource):
                await Task.WhenAll(targets.Select(t => StartInstanceAsync(t, cancellationToken)));
                return CommandResult.Accepted;
            case KnownResourceCommands.Restart when targets.All(IsProcessResource):
                await Task.WhenAll(targets.Select(async t =>
                {
                    await StopInstanceAsync(t, cancellationToken);
                    await StartInstanceAsync(t, cancellationToken);
                }));
                return CommandResult.Accepted;
            case KnownResourceCommands.Kill when hasProcess:
                foreach (var process in targets.Select(t => t.Process).OfType<Processes.IChildProcess>())
                {
                    process.Kill();
                }

                await Task.WhenAll(targets.Select(t => _notifications.WaitForResourceAsync(t.Name, s => s.State != KnownResourceStates.Running && s.State != KnownResourceStates.Paused, cancellationToken)));
                return CommandResult.Accepted;
            case KnownResourceCommands.Pause when states.All(s => s == KnownResourceStates.Running) && hasProcess:
                foreach (var target in targets)
                {
                    target.Process?.Pause();
                    _notifications.Publish(target.Name, s => s with { State = KnownResourceStates.Paused });
                }

                return CommandResult.Accepted;
            case KnownResourceCommands.Resume when states.All(s => s == KnownResourceStates.Paused):
                foreach (var target in targets)
                {
                    target.Process?.Resume();
                    _notifications.Publish(target.Name, s => s with { State = KnownResourceStates.Running });
                }

                return CommandResult.Accepted;
            default:
                return CommandResult.NotApplicable;
        }
    }

    private static bool IsProcessResource(ResourceInstance instance) => instance.Resource is not ApplicationModel.PostgresDatabaseResource;
}
