namespace AspireMicro.Hosting.ApplicationModel;

/// <summary>A database created in its parent server when the server is ready; healthy once it exists.</summary>
public sealed class PostgresDatabaseResource(string name, string databaseName, PostgresServerResource parent)
    : Resource(name), IResourceWithParent, IResourceWithConnectionString, IResourceWithWaitSupport
{
    public string DatabaseName { get; } = databaseName;

    public PostgresServerResource Server { get; } = parent;

    public IResource Parent => Server;

    public ReferenceExpression ConnectionStringExpression =>
        ReferenceExpression.Create($"{new ConnectionStringReference(Server)};Database={DatabaseName}");
}
