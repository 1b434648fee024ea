namespace AspireMicro.Hosting.ApplicationModel;

/// <summary>A resource that lives inside another (a database inside a server); it implicitly waits for its parent.</summary>
public interface IResourceWithParent : IResource
{
    IResource Parent { get; }
}
