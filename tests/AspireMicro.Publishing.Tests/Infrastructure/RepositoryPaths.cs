namespace AspireMicro.Publishing.Tests.Infrastructure;

public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The team's shared schema beside the repository when present (CI layout), else the committed copy.</summary>
    public static string AspireManifestSchema
    {
        get
        {
            var shared = Path.GetFullPath(Path.Combine(Root, "..", "shared", "schemas", "aspire-8.0.json"));
            return File.Exists(shared) ? shared : Path.Combine(AppContext.BaseDirectory, "Schemas", "aspire-8.0.json");
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AspireMicro.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("AspireMicro.sln not found above " + AppContext.BaseDirectory);
    }
}
