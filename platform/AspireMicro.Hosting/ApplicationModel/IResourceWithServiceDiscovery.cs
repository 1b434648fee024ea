namespace AspireMicro.Hosting.ApplicationModel;

/// <summary>A resource whose endpoints are injected as <c>services__{name}__{endpoint}__{i}</c> when referenced.</summary>
public interface IResourceWithServiceDiscovery : IResourceWithEndpoints;
