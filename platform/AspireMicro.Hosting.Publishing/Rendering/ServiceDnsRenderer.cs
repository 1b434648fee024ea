using System.Globalization;
using Aspire.Hosting.ApplicationModel;

namespace AspireMicro.Hosting.Publishing.Rendering;

/// <summary>
/// Addresses every resource by its name as a DNS host on the container port: Kubernetes Service names and
/// Compose service names both work that way, and every replica is reached through the one name.
/// </summary>
public sealed class ServiceDnsRenderer : ValueRenderer
{
    protected override void AppendEndpoint(IResource resource, EndpointAnnotation endpoint, EndpointProperty property, List<ValuePart> parts)
    {
        var host = resource.Name.ToLowerInvariant();
        var port = ServicePort.For(resource, endpoint).ToString(CultureInfo.InvariantCulture);
        parts.Add(new LiteralPart(Static(endpoint, property) ?? property switch
        {
            EndpointProperty.Url => $"{endpoint.UriScheme}://{host}:{port}",
            EndpointProperty.Host or EndpointProperty.IPV4Host => host,
            EndpointProperty.Port or EndpointProperty.TargetPort => port,
            EndpointProperty.HostAndPort => $"{host}:{port}",
            _ => throw new ArgumentOutOfRangeException(nameof(property), property, null),
        }));
    }
}
