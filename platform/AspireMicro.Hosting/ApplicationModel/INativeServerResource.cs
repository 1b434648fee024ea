namespace AspireMicro.Hosting.ApplicationModel;

/// <summary>
/// A backing store that runs locally as a native server process (no containers here).
/// <see cref="Kind"/> picks the recipe ("postgres", "redis", "rabbitmq"); publishers map it to an image.
/// </summary>
public interface INativeServerResource : IResourceWithEndpoints, IResourceWithWaitSupport, IResourceWithConnectionString
{
    string Kind { get; }

    /// <summary>The single TCP endpoint every backing store has, named "tcp".</summary>
    EndpointReference PrimaryEndpoint { get; }

    ParameterResource PasswordParameter { get; }
}
