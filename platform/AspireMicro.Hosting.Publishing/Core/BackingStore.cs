using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace AspireMicro.Hosting.Publishing;

/// <summary>
/// One of Aspire's own backing-store resources (AddPostgres, AddRedis, AddRabbitMQ) as the targets need it: the
/// image from its <see cref="ContainerImageAnnotation"/>, its port from its <c>tcp</c> endpoint, its password parameter.
/// </summary>
public sealed record BackingStore(
    ContainerResource Resource,
    string Kind,
    string Image,
    string DataPath,
    int Port,
    string UserName,
    ParameterResource Password,
    IReadOnlyList<PostgresDatabaseResource> Databases)
{
    public const string Postgres = "postgres";
    public const string Redis = "redis";
    public const string RabbitMQ = "rabbitmq";

    public string Name => Resource.Name;

    public string DnsName => Resource.Name.ToLowerInvariant();

    public static bool IsStore(IResource resource) => resource is PostgresServerResource or RedisResource or RabbitMQServerResource;

    public static BackingStore From(ContainerResource resource, IEnumerable<PostgresDatabaseResource> databases, string target)
    {
        var (kind, dataPath, user, userParameter, password) = resource switch
        {
            // The volume holds the whole /var/lib/postgresql (postgres 18 images refuse a mount at .../data); PGDATA is a subfolder.
            PostgresServerResource p => (Postgres, "/var/lib/postgresql", "postgres", p.UserNameParameter, p.PasswordParameter),
            RedisResource r => (Redis, "/data", string.Empty, null, r.PasswordParameter),
            RabbitMQServerResource q => (RabbitMQ, "/var/lib/rabbitmq", "guest", q.UserNameParameter, q.PasswordParameter),
            _ => throw new DistributedApplicationException($"Resource '{resource.Name}' is not a backing store target '{target}' knows."),
        };

        if (userParameter is not null)
        {
            throw new DistributedApplicationException(
                $"Resource '{resource.Name}' sets a user name parameter ('{userParameter.Name}'), which target '{target}' cannot express yet: use the image's default user.");
        }

        if (password is null)
        {
            throw new DistributedApplicationException($"Resource '{resource.Name}' has no password parameter; target '{target}' only deploys password-protected stores.");
        }

        var endpoint = resource.Annotations.OfType<EndpointAnnotation>().FirstOrDefault(e => e.Name == "tcp")
            ?? throw new DistributedApplicationException($"Resource '{resource.Name}' has no 'tcp' endpoint.");
        var image = resource.Annotations.OfType<ContainerImageAnnotation>().LastOrDefault()
            ?? throw new DistributedApplicationException($"Resource '{resource.Name}' has no container image.");
        var reference = image.Registry is { Length: > 0 } registry ? $"{registry}/{image.Image}" : image.Image;
        reference += image.SHA256 is { Length: > 0 } sha ? $"@sha256:{sha}" : $":{image.Tag ?? "latest"}";
        return new BackingStore(resource, kind, reference, dataPath, endpoint.TargetPort ?? endpoint.Port ?? 0, user, password, [.. databases]);
    }
}
