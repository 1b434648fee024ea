namespace AspireMicro.Hosting.ApplicationModel;

/// <summary>
/// Values are <c>string</c>, or late-bound: <see cref="IValueProvider"/> + <see cref="IManifestExpressionProvider"/>
/// (a <see cref="ReferenceExpression"/>, <see cref="EndpointReference"/>, <see cref="ParameterResource"/>, <see cref="ConnectionStringReference"/>).
/// </summary>
public sealed class EnvironmentCallbackContext(
    DistributedApplicationExecutionContext executionContext, IResource resource, CancellationToken cancellationToken = default)
{
    public DistributedApplicationExecutionContext ExecutionContext { get; } = executionContext;

    public IResource Resource { get; } = resource;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    public Dictionary<string, object> EnvironmentVariables { get; } = new(StringComparer.Ordinal);
}
