namespace AspireMicro.Hosting.ApplicationModel;

public sealed class CommandLineArgsCallbackContext(
    DistributedApplicationExecutionContext executionContext, IResource resource, CancellationToken cancellationToken = default)
{
    public DistributedApplicationExecutionContext ExecutionContext { get; } = executionContext;

    public IResource Resource { get; } = resource;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    public List<object> Args { get; } = [];
}
