namespace AspireMicro.Hosting.ApplicationModel;

/// <summary>An existing external service known only by its connection string (configuration <c>ConnectionStrings:{name}</c>).</summary>
public sealed class ConnectionStringResource(string name, ParameterResource value) : Resource(name), IResourceWithConnectionString
{
    public ParameterResource Value { get; } = value;

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create($"{Value}");
}
