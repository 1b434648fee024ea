namespace Basket.Api.Catalog;

/// <summary>A service basket depends on did not answer usefully; mapped to 503 rather than 500.</summary>
public sealed class DependencyUnavailableException(string dependency, Exception? inner = null)
    : Exception($"{dependency} is unavailable.", inner)
{
    public string Dependency { get; } = dependency;
}
