using Aspire.Hosting;

namespace AspireMicro.Hosting.NativeStores;

/// <summary>A native store cannot start because a program it needs is not installed; names the Debian package.</summary>
public sealed class MissingNativeStoreException(string message, string debianPackage) : DistributedApplicationException(message)
{
    /// <summary>The Debian package that provides the missing program.</summary>
    public string DebianPackage { get; } = debianPackage;
}
