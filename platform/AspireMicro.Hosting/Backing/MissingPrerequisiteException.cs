namespace AspireMicro.Hosting.Backing;

/// <summary>A binary a backing server needs is not installed. The message is one line and names the Debian package.</summary>
public sealed class MissingPrerequisiteException(string message, string debianPackage) : Exception(message)
{
    public string DebianPackage { get; } = debianPackage;
}
