namespace AspireMicro.Hosting.ApplicationModel;

/// <summary>Any local program. It counts as healthy as soon as it runs (there is no protocol to probe).</summary>
public sealed class ExecutableResource(string name, string command, string workingDirectory)
    : Resource(name), IResourceWithEnvironment, IResourceWithArgs, IResourceWithServiceDiscovery, IResourceWithWaitSupport
{
    public string Command { get; } = command;

    public string WorkingDirectory { get; } = workingDirectory;
}
