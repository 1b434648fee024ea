using Aspire.Hosting.ApplicationModel;

namespace AspireMicro.Hosting.NativeStores.Postgres;

/// <summary>
/// A PostgreSQL server run natively from the Debian package (as the <c>postgres</c> user when the AppHost is root).
/// Its connection string has the shape of Aspire's own <c>PostgresServerResource</c>.
/// </summary>
public sealed class NativePostgresServerResource : NativeStoreResource
{
    /// <summary>The super user every connection string names, as in Aspire's PostgreSQL integration.</summary>
    public const string UserName = "postgres";

    /// <summary>PostgreSQL's default of 100 runs out when every service, replica and test host keeps its own pool.</summary>
    internal const int MaxConnections = 500;

    private readonly Dictionary<string, string> _databases = new(StringComparer.Ordinal);

    public NativePostgresServerResource(string name, ParameterResource password)
        : base(name)
    {
        ArgumentNullException.ThrowIfNull(password);
        PasswordParameter = password;
    }

    /// <inheritdoc />
    public override ParameterResource PasswordParameter { get; }

    /// <summary><c>Host=..;Port=..;Username=postgres;Password=..</c>, resolved when the app runs.</summary>
    public override ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"Host={PrimaryEndpoint.Property(EndpointProperty.Host)};Port={PrimaryEndpoint.Property(EndpointProperty.Port)};Username={UserName};Password={PasswordParameter}");

    /// <summary>The databases added with <c>AddDatabase</c>: resource name to database name.</summary>
    public IReadOnlyDictionary<string, string> Databases => _databases;

    internal override NativeStoreKind Kind => NativeStoreKind.Postgres;

    internal void AddDatabase(string resourceName, string databaseName) => _databases.TryAdd(resourceName, databaseName);
}
