using Aspire.Hosting.ApplicationModel;

namespace AspireMicro.Hosting.Publishing;

/// <summary>An endpoint with the port it listens on inside a container (the model's TargetPort, or 8080, 8081… for projects).</summary>
public sealed record ServicePort(EndpointAnnotation Endpoint, int ContainerPort)
{
    /// <summary>The port .NET container images listen on by default (ASPNETCORE_HTTP_PORTS).</summary>
    public const int FirstProjectPort = 8080;

    public string Name => Endpoint.Name.ToLowerInvariant();

    public static int For(IResource resource, EndpointAnnotation endpoint)
    {
        if (endpoint.TargetPort is { } target)
        {
            return target;
        }

        var index = resource.Annotations.OfType<EndpointAnnotation>().ToList().IndexOf(endpoint);
        return FirstProjectPort + Math.Max(index, 0);
    }
}
