namespace AspireMicro.Hosting.ApplicationModel;

/// <summary>Project metadata given by hand, for code without generated <c>Projects.*</c> types (tests, tools).</summary>
public sealed record ProjectMetadata(string ProjectPath, string AssemblyPath) : IProjectMetadata;
