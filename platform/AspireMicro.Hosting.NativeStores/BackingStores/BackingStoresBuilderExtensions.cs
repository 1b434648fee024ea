using AspireMicro.Hosting.NativeStores;

namespace Aspire.Hosting;

/// <summary><c>AddBackingStores</c>: native stores or Aspire's containers, by configuration.</summary>
public static class BackingStoresBuilderExtensions
{
    /// <summary>
    /// Chooses how the backing stores run from configuration key <c>BackingStores</c> (<c>auto|native|containers</c>,
    /// default <c>auto</c>: containers only when a container runtime answers). Publish mode always uses containers.
    /// </summary>
    /// <exception cref="BackingStoresConfigurationException">The setting has a value other than the allowed ones.</exception>
    public static BackingStores AddBackingStores(this IDistributedApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        StartupErrors.PrintOneLineWhenUnhandled();
        return new BackingStores(builder, BackingStores.Resolve(builder));
    }
}
