namespace AspireMicro.Hosting.ApplicationModel;

/// <summary>A PostgreSQL server; its databases are child <see cref="PostgresDatabaseResource"/>s.</summary>
public sealed class PostgresServerResource : Resource, INativeServerResource
{
    public const string UserName = "postgres";

    public PostgresServerResource(string name, ParameterResource password) : base(name)
    {
        PasswordParameter = password;
        Annotations.Add(new EndpointAnnotation("tcp", "tcp", targetPort: 5432));
        PrimaryEndpoint = new EndpointReference(this, "tcp");
    }

    public string Kind => "postgres";

    public EndpointReference PrimaryEndpoint { get; }

    public ParameterResource PasswordParameter { get; }

    /// <summary>Child resource name → database name.</summary>
    public Dictionary<string, string> Databases { get; } = new(StringComparer.OrdinalIgnoreCase);

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"Host={PrimaryEndpoint.Property(EndpointProperty.Host)};Port={PrimaryEndpoint.Property(EndpointProperty.Port)};Username={UserName};Password={PasswordParameter}");
}
