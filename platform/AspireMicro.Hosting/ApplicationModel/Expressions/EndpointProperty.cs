namespace AspireMicro.Hosting.ApplicationModel;

public enum EndpointProperty
{
    Url,
    Host,
    Port,
    Scheme,
    HostAndPort,
}
