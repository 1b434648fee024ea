namespace AspireMicro.Hosting.ApplicationModel;

/// <summary>
/// Persist a backing store's data across runs. <see cref="Path"/> null means a per-AppHost folder under the user profile.
/// Without this annotation data lives in a throwaway directory deleted when the app stops.
/// </summary>
public sealed class DataDirectoryAnnotation(string? path) : IResourceAnnotation
{
    public string? Path { get; } = path;
}
