namespace AspireMicro.Hosting.ApplicationModel;

/// <summary>Base for every resource: a name plus annotations, nothing that runs.</summary>
public abstract class Resource : IResource
{
    protected Resource(string name)
    {
        ResourceNameValidator.ThrowIfInvalid(name);
        Name = name;
    }

    public string Name { get; }

    public ResourceAnnotationCollection Annotations { get; } = [];

    public override string ToString() => $"{GetType().Name}({Name})";
}
