using System.Reflection;
using AspireMicro.Hosting.ApplicationModel;
using AspireMicro.Hosting.Backing;
using AspireMicro.Hosting.Publishing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AspireMicro.Hosting;

public sealed class DistributedApplicationBuilder : IDistributedApplicationBuilder
{
    private readonly List<IResource> _resources = [];

    public DistributedApplicationBuilder(DistributedApplicationOptions options)
    {
        Options = options;
        var entry = Assembly.GetEntryAssembly();
        AppHostDirectory = AppHostMetadata.Read(entry, AppHostMetadata.ProjectDirectoryKey) ?? Directory.GetCurrentDirectory();
        options.AppHostName ??= entry?.GetName().Name ?? "apphost";
        options.StateDirectory ??= AppHostState.DefaultDirectory(options.AppHostName, AppHostDirectory);
        options.DashboardPath ??= AppHostMetadata.Read(entry, AppHostMetadata.DashboardPathKey);

        ExecutionContext = CommandLine.ParsePublishTarget(options.Args) is { } target
            ? new DistributedApplicationExecutionContext(DistributedApplicationOperation.Publish, target)
            : new DistributedApplicationExecutionContext(DistributedApplicationOperation.Run);

        Configuration = new ConfigurationManager();
        Configuration.AddJsonFile(Path.Combine(AppHostDirectory, "appsettings.json"), optional: true);
        Configuration.AddJsonFile(Path.Combine(AppHostDirectory, "appsettings.Development.json"), optional: true);
        if (entry is not null)
        {
            Configuration.AddUserSecrets(entry, optional: true);
        }

        Configuration.AddEnvironmentVariables();
        // Only key=value switches become configuration; verbs like "publish" belong to the CLI.
        Configuration.AddCommandLine([.. options.Args.Where(a => a.StartsWith("--", StringComparison.Ordinal) && a.Contains('='))]);

        Parameters = new ParameterValueStore(options.PersistGeneratedSecrets ? Path.Combine(options.StateDirectory, "parameters.json") : null);
        Services.AddSingleton(ExecutionContext);
        Services.AddSingleton(options);
        Services.AddSingleton<IConfiguration>(Configuration);
        Services.AddBuiltInPublishers();
        Services.AddSingleton<INativeServerRecipe, PostgresRecipe>();
        Services.AddSingleton<INativeServerRecipe, RedisRecipe>();
        Services.AddSingleton<INativeServerRecipe>(new RabbitMqRecipe());
    }

    public ConfigurationManager Configuration { get; }

    public IServiceCollection Services { get; } = new ServiceCollection();

    public DistributedApplicationOptions Options { get; }

    public DistributedApplicationExecutionContext ExecutionContext { get; }

    public string AppHostDirectory { get; }

    public IReadOnlyList<IResource> Resources => _resources;

    internal ParameterValueStore Parameters { get; }

    public IResourceBuilder<T> AddResource<T>(T resource) where T : IResource
    {
        if (_resources.Any(r => string.Equals(r.Name, resource.Name, StringComparison.OrdinalIgnoreCase)))
        {
            throw new DistributedApplicationException($"Resource '{resource.Name}' is defined twice; resource names must be unique.");
        }

        _resources.Add(resource);
        return CreateResourceBuilder(resource);
    }

    /// <summary>For the testing builder: a test may drop a resource the AppHost declared (and whatever references it).</summary>
    public bool RemoveResource(IResource resource) => _resources.Remove(resource);

    public IResourceBuilder<T> CreateResourceBuilder<T>(T resource) where T : IResource => new ResourceBuilder<T>(resource, this);

    public DistributedApplication Build()
    {
        var model = new DistributedApplicationModel([.. _resources]);
        Services.AddSingleton(model);
        return new DistributedApplication(model, Services.BuildServiceProvider(), Options, ExecutionContext);
    }
}
