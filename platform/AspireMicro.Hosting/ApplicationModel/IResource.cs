namespace AspireMicro.Hosting.ApplicationModel;

/// <summary>A named thing in the app model. Everything else about it lives in annotations so publishers can read it generically.</summary>
public interface IResource
{
    string Name { get; }

    ResourceAnnotationCollection Annotations { get; }
}
