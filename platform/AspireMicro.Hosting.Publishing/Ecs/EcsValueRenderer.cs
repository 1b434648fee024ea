using System.Globalization;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using AspireMicro.Hosting.Publishing.Rendering;

namespace AspireMicro.Hosting.Publishing.Ecs;

/// <summary>
/// Renders values as <c>Fn::Sub</c> text: projects are reached through Cloud Map names
/// (<c>http://catalog.{stack}.internal:8080</c>), backing stores through the managed services' endpoint attributes,
/// with the TLS settings those services require.
/// </summary>
internal sealed class EcsValueRenderer : ValueRenderer
{
    public const string NamespaceSuffix = "${AWS::StackName}.internal";

    /// <summary>Amazon MQ does not allow RabbitMQ's default "guest" user.</summary>
    public const string BrokerUser = "aspiremicro";

    protected override void AppendConnectionString(IResourceWithConnectionString resource, List<ValuePart> parts)
    {
        switch (resource)
        {
            case PostgresServerResource postgres:
                var db = Cfn.Id(postgres, "Database");
                parts.Add(new LiteralPart("Host="));
                parts.Add(new TokenPart($"${{{db}.Endpoint.Address}}"));
                parts.Add(new LiteralPart(";Port="));
                parts.Add(new TokenPart($"${{{db}.Endpoint.Port}}"));
                parts.Add(new LiteralPart(";Username=postgres;Password="));
                parts.Add(new ParameterPart(postgres.PasswordParameter));
                // RDS enforces TLS for PostgreSQL 15+.
                parts.Add(new LiteralPart(";SSL Mode=Require"));
                break;
            case RedisResource redis:
                var cache = Cfn.Id(redis, "Cache");
                parts.Add(new TokenPart($"${{{cache}.PrimaryEndPoint.Address}}:${{{cache}.PrimaryEndPoint.Port}}"));
                parts.Add(new LiteralPart(",password="));
                parts.Add(new ParameterPart(redis.PasswordParameter ?? throw new DistributedApplicationException($"Resource '{redis.Name}' has no password; ElastiCache AUTH needs one.")));
                // ElastiCache AUTH requires in-transit encryption.
                parts.Add(new LiteralPart(",ssl=true,abortConnect=false"));
                break;
            case RabbitMQServerResource rabbit:
                parts.Add(new LiteralPart($"amqps://{BrokerUser}:"));
                parts.Add(new ParameterPart(rabbit.PasswordParameter));
                parts.Add(new LiteralPart("@"));
                parts.Add(new TokenPart($"${{{Cfn.Id(rabbit, "BrokerHost")}}}"));
                break;
            default:
                base.AppendConnectionString(resource, parts);
                break;
        }
    }

    protected override void AppendEndpoint(IResource resource, EndpointAnnotation endpoint, EndpointProperty property, List<ValuePart> parts)
    {
        if (Static(endpoint, property) is { } fixedText && resource is ProjectResource)
        {
            parts.Add(new LiteralPart(fixedText));
            return;
        }

        if (resource is not ProjectResource)
        {
            throw new DistributedApplicationException(
                $"Endpoint '{endpoint.Name}' of '{resource.Name}' cannot be referenced on target 'ecs': backing stores are managed services reached by connection string.");
        }

        var host = $"{resource.Name.ToLowerInvariant()}.";
        var port = ServicePort.For(resource, endpoint).ToString(CultureInfo.InvariantCulture);
        parts.Add(property switch
        {
            EndpointProperty.Url => new TokenPart($"{endpoint.UriScheme}://{host}{NamespaceSuffix}:{port}"),
            EndpointProperty.Host or EndpointProperty.IPV4Host => new TokenPart(host + NamespaceSuffix),
            EndpointProperty.Port or EndpointProperty.TargetPort => new LiteralPart(port),
            EndpointProperty.HostAndPort => new TokenPart($"{host}{NamespaceSuffix}:{port}"),
            _ => throw new ArgumentOutOfRangeException(nameof(property), property, null),
        });
    }
}
