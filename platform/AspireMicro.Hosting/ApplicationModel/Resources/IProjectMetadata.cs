namespace AspireMicro.Hosting.ApplicationModel;

/// <summary>Implemented by the generated <c>Projects.*</c> types (see build/AspireMicro.Hosting.targets).</summary>
public interface IProjectMetadata
{
    /// <summary>Full path of the .csproj.</summary>
    string ProjectPath { get; }

    /// <summary>Full path of the built entry dll; projects run as <c>dotnet {AssemblyPath}</c>.</summary>
    string AssemblyPath { get; }
}
