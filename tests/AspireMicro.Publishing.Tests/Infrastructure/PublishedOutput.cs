namespace AspireMicro.Publishing.Tests.Infrastructure;

/// <summary>The real AppHost published once per target into a folder shared by one test class.</summary>
public abstract class PublishedOutput : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _directory = new();

    protected abstract string Target { get; }

    public string Path => _directory.Path;

    public string Read(string relativePath) => File.ReadAllText(System.IO.Path.Combine(Path, relativePath));

    public Task InitializeAsync() => RealAppHost.PublishAsync(Target, Path);

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _directory.Dispose();
}
