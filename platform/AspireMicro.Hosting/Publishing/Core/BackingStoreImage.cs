using AspireMicro.Hosting.ApplicationModel;

namespace AspireMicro.Hosting.Publishing;

/// <summary>The container image a natively-run backing store becomes when published, and where it keeps its data.</summary>
public sealed record BackingStoreImage(string Image, string DataPath, int Port)
{
    public static BackingStoreImage For(INativeServerResource store) => store.Kind switch
    {
        "postgres" => new("docker.io/library/postgres:17", "/var/lib/postgresql/data", 5432),
        "redis" => new("docker.io/library/redis:7.4", "/data", 6379),
        "rabbitmq" => new("docker.io/library/rabbitmq:4.1-management", "/var/lib/rabbitmq", 5672),
        _ => throw new DistributedApplicationException($"Resource '{store.Name}' has backing-store kind '{store.Kind}', which no publisher knows."),
    };
}
