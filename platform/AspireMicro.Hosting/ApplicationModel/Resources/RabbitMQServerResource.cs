namespace AspireMicro.Hosting.ApplicationModel;

/// <summary>A RabbitMQ broker; connection string <c>amqp://guest:…@host:port</c>.</summary>
public sealed class RabbitMQServerResource : Resource, INativeServerResource
{
    public const string UserName = "guest";

    public RabbitMQServerResource(string name, ParameterResource password) : base(name)
    {
        PasswordParameter = password;
        Annotations.Add(new EndpointAnnotation("tcp", "tcp", targetPort: 5672));
        PrimaryEndpoint = new EndpointReference(this, "tcp");
    }

    public string Kind => "rabbitmq";

    public EndpointReference PrimaryEndpoint { get; }

    public ParameterResource PasswordParameter { get; }

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"amqp://{UserName}:{PasswordParameter}@{PrimaryEndpoint.Property(EndpointProperty.HostAndPort)}");
}
