namespace AspireMicro.Hosting.ApplicationModel;

/// <summary>A Redis server; connection string <c>host:port,password=…</c> as StackExchange.Redis expects.</summary>
public sealed class RedisResource : Resource, INativeServerResource
{
    public RedisResource(string name, ParameterResource password) : base(name)
    {
        PasswordParameter = password;
        Annotations.Add(new EndpointAnnotation("tcp", "tcp", targetPort: 6379));
        PrimaryEndpoint = new EndpointReference(this, "tcp");
    }

    public string Kind => "redis";

    public EndpointReference PrimaryEndpoint { get; }

    public ParameterResource PasswordParameter { get; }

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"{PrimaryEndpoint.Property(EndpointProperty.HostAndPort)},password={PasswordParameter}");
}
