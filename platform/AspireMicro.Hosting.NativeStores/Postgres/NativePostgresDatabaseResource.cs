using Aspire.Hosting.ApplicationModel;

namespace AspireMicro.Hosting.NativeStores.Postgres;

/// <summary>
/// A database of a <see cref="NativePostgresServerResource"/>, created when the server is ready. Its connection string
/// is the server's plus <c>;Database=..</c>, as in Aspire's <c>PostgresDatabaseResource</c>.
/// </summary>
public sealed class NativePostgresDatabaseResource(string name, string databaseName, NativePostgresServerResource parent)
    : Resource(name), IResourceWithParent<NativePostgresServerResource>, IResourceWithConnectionString
{
    public NativePostgresServerResource Parent { get; } = parent ?? throw new ArgumentNullException(nameof(parent));

    /// <summary>The name of the database in the server.</summary>
    public string DatabaseName { get; } = ThrowIfInvalid(databaseName);

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create($"{Parent};Database={DatabaseName}");

    private static string ThrowIfInvalid(string databaseName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databaseName);
        if (System.Text.Encoding.UTF8.GetByteCount(databaseName) > 63)
        {
            throw new ArgumentException($"Database name '{databaseName}' is longer than PostgreSQL's 63 bytes.", nameof(databaseName));
        }

        return databaseName;
    }
}
