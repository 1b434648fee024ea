using AspireMicro.Hosting.ApplicationModel;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AspireMicro.Hosting.Testing;

/// <summary>Wraps the builder the AppHost's Program created; everything but removal and build is delegated.</summary>
internal sealed class AppHostTestingBuilder(DistributedApplicationBuilder inner, TemporaryStateDirectory state) : IDistributedApplicationTestingBuilder
{
    public ConfigurationManager Configuration => inner.Configuration;

    public IServiceCollection Services => inner.Services;

    public DistributedApplicationOptions Options => inner.Options;

    public DistributedApplicationExecutionContext ExecutionContext => inner.ExecutionContext;

    public string AppHostDirectory => inner.AppHostDirectory;

    public IReadOnlyList<IResource> Resources => inner.Resources;

    public IResourceBuilder<T> AddResource<T>(T resource) where T : IResource => inner.AddResource(resource);

    public IResourceBuilder<T> CreateResourceBuilder<T>(T resource) where T : IResource => inner.CreateResourceBuilder(resource);

    public IResourceBuilder<T> GetResource<T>(string name) where T : IResource =>
        Find(name) is T typed
            ? inner.CreateResourceBuilder(typed)
            : throw new ArgumentException($"The AppHost declares no {typeof(T).Name} named '{name}'.", nameof(name));

    public bool RemoveResource(string name) => Find(name) is { } resource && inner.RemoveResource(resource);

    public DistributedApplication Build()
    {
        // The container owns the throwaway state folder, so disposing the app deletes it.
        Services.AddSingleton(_ => state);
        var app = inner.Build();
        app.Services.GetRequiredService<TemporaryStateDirectory>();
        return app;
    }

    public Task<DistributedApplication> BuildAsync(CancellationToken cancellationToken = default) => Task.FromResult(Build());

    private IResource? Find(string name) =>
        inner.Resources.FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase));
}
