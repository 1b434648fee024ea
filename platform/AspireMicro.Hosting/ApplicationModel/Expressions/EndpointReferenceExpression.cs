using System.Globalization;

namespace AspireMicro.Hosting.ApplicationModel;

/// <summary>One property (host, port, url…) of an <see cref="EndpointReference"/>.</summary>
public sealed class EndpointReferenceExpression(EndpointReference endpoint, EndpointProperty property)
    : IValueProvider, IManifestExpressionProvider
{
    public EndpointReference Endpoint { get; } = endpoint;

    public EndpointProperty Property { get; } = property;

    public string ValueExpression =>
        $"{{{Endpoint.Resource.Name}.bindings.{Endpoint.EndpointName}.{Property switch
        {
            EndpointProperty.Url => "url",
            EndpointProperty.Host => "host",
            EndpointProperty.Port => "port",
            EndpointProperty.Scheme => "scheme",
            EndpointProperty.HostAndPort => "host}:{" + Endpoint.Resource.Name + ".bindings." + Endpoint.EndpointName + ".port",
            _ => throw new ArgumentOutOfRangeException(nameof(Property)),
        }}}}";

    public ValueTask<string?> GetValueAsync(CancellationToken cancellationToken = default)
    {
        var allocated = Endpoint.GetAllocatedEndpoint();
        return ValueTask.FromResult<string?>(Property switch
        {
            EndpointProperty.Url => allocated.Url,
            EndpointProperty.Host => allocated.Host,
            EndpointProperty.Port => allocated.Port.ToString(CultureInfo.InvariantCulture),
            EndpointProperty.Scheme => allocated.Scheme,
            EndpointProperty.HostAndPort => allocated.EndpointAuthority,
            _ => throw new ArgumentOutOfRangeException(nameof(Property)),
        });
    }
}
