namespace AspireMicro.Hosting.ApplicationModel;

/// <summary>The connection string of a resource as an environment value; renders as <c>{catalogdb.connectionString}</c>.</summary>
public sealed class ConnectionStringReference(IResourceWithConnectionString resource) : IValueProvider, IManifestExpressionProvider
{
    public IResourceWithConnectionString Resource { get; } = resource;

    public string ValueExpression => $"{{{Resource.Name}.connectionString}}";

    public ValueTask<string?> GetValueAsync(CancellationToken cancellationToken = default) =>
        Resource.ConnectionStringExpression.GetValueAsync(cancellationToken);
}
