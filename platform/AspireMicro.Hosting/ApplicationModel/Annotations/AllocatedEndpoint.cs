namespace AspireMicro.Hosting.ApplicationModel;

/// <summary>Where an endpoint really listens during a run.</summary>
public sealed record AllocatedEndpoint(string Scheme, string Host, int Port)
{
    public string Url => $"{Scheme}://{Host}:{Port}";

    /// <summary>host:port, as Redis and AMQP clients want it.</summary>
    public string EndpointAuthority => $"{Host}:{Port}";
}
