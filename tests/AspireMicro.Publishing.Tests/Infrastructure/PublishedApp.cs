namespace AspireMicro.Publishing.Tests.Infrastructure;

/// <summary>
/// The real AppHost published once per target (four processes, in parallel) into one temporary folder shared by the
/// whole collection, with a known value for the postgres password so the secret check has something to look for.
/// </summary>
public sealed class PublishedApp : IAsyncLifetime
{
    public const string KnownSecret = "Xq7KnownSecretValue9Zr";

    private readonly TempDirectory _directory = new();

    public static readonly string[] Projects = ["catalog", "ordering", "basket", "payment", "analytics", "gateway", "storefront"];

    public string Manifest => _directory.Combine("manifest");

    public string Kubernetes => _directory.Combine("k8s");

    public string Ecs => _directory.Combine("ecs");

    public string Compose => _directory.Combine("compose");

    public string Root => _directory.Path;

    public Task InitializeAsync() => Task.WhenAll(
        AppHostProcess.PublishAsync("publish-manifest", Manifest, $"--Parameters:postgres-password={KnownSecret}"),
        AppHostProcess.PublishAsync("publish-k8s", Kubernetes, $"--Parameters:postgres-password={KnownSecret}"),
        AppHostProcess.PublishAsync("publish-ecs", Ecs, $"--Parameters:postgres-password={KnownSecret}"),
        AppHostProcess.PublishAsync("publish-compose", Compose, $"--Parameters:postgres-password={KnownSecret}"));

    public Task DisposeAsync()
    {
        _directory.Dispose();
        return Task.CompletedTask;
    }

    public static string Read(string folder, string file) => File.ReadAllText(Path.Combine(folder, file));
}

[CollectionDefinition(Name)]
public sealed class PublishedAppCollection : ICollectionFixture<PublishedApp>
{
    public const string Name = "published app";
}
