using System.Collections.Immutable;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;

namespace AspireMicro.Hosting.NativeStores;

/// <summary>What every native store's Add method does: endpoint, launcher, environment, data folder, properties.</summary>
internal static class NativeStoreBuilder
{
    public const string DataFolderProperty = "native.data";
    public const string VersionProperty = "native.version";
    public const string PortProperty = "native.port";
    public const string PersistentProperty = "native.persistent";

    /// <summary>The password parameter given, or one Aspire generates (<c>{name}-password</c>), as its own stores do.</summary>
    public static ParameterResource PasswordOrDefault(
        IDistributedApplicationBuilder builder, string name, IResourceBuilder<ParameterResource>? password) =>
        password?.Resource
            ?? ParameterResourceBuilderExtensions.CreateDefaultPasswordParameter(builder, $"{name}-password", special: false);

    /// <summary>
    /// Captures a resource's connection string when Aspire has resolved it, for its health check, which runs only
    /// once the resource is up; the returned reader throws before that.
    /// </summary>
    public static Func<string> CaptureConnectionString<T>(IDistributedApplicationBuilder builder, T resource)
        where T : IResourceWithConnectionString
    {
        string? connectionString = null;
        builder.Eventing.Subscribe<ConnectionStringAvailableEvent>(resource, async (_, ct) =>
            connectionString = await resource.ConnectionStringExpression.GetValueAsync(ct));
        return () => connectionString
            ?? throw new InvalidOperationException($"The connection string of '{resource.Name}' is not available yet.");
    }

    public static IResourceBuilder<T> AddNativeStore<T>(IDistributedApplicationBuilder builder, T resource, string iconName)
        where T : NativeStoreResource
    {
        var run = NativeStoresRun.For(builder);
        resource.DataDirectory = run.EphemeralDataFolder(resource.Name);
        var store = builder.AddResource(resource)
            // Proxyless and without a port: Aspire allocates a free one per run, so parallel apps never collide.
            .WithEndpoint(name: NativeStoreResource.PrimaryEndpointName, scheme: "tcp", isProxied: false)
            .WithArgs(run.LauncherPath(resource.Kind))
            .WithIconName(iconName)
            .WithEnvironment(context =>
            {
                if (!context.ExecutionContext.IsRunMode)
                {
                    return;
                }

                context.EnvironmentVariables["NATIVE_STORE_DATA"] = resource.DataDirectory;
                context.EnvironmentVariables["NATIVE_STORE_EPHEMERAL"] = resource.IsPersistent ? "0" : "1";
                context.EnvironmentVariables["NATIVE_STORE_PORT"] = resource.PrimaryEndpoint.Property(EndpointProperty.TargetPort);
                context.EnvironmentVariables["NATIVE_STORE_PASSWORD"] = resource.PasswordParameter;
                foreach (var (name, value) in run.Programs(resource.Kind).Where(p => p.Key.StartsWith("NATIVE_STORE_", StringComparison.Ordinal)))
                {
                    context.EnvironmentVariables[name] = value;
                }
            });

        // Version, data folder and port in the dashboard. The orchestrator keeps properties it does not own.
        builder.Eventing.Subscribe<BeforeResourceStartedEvent>(resource, async (e, ct) =>
        {
            var programs = run.Programs(resource.Kind);
            var notifications = e.Services.GetRequiredService<ResourceNotificationService>();
            int? port = resource.PrimaryEndpoint.IsAllocated ? resource.PrimaryEndpoint.Port : null;
            await notifications.PublishUpdateAsync(resource, s => s with
            {
                Properties = Merge(s.Properties,
                [
                    new(VersionProperty, programs["version"]) { DisplayName = "Version" },
                    new(DataFolderProperty, resource.DataDirectory) { DisplayName = "Data folder" },
                    new(PersistentProperty, resource.IsPersistent) { DisplayName = "Persistent data" },
                    new(PortProperty, port) { DisplayName = "Port" },
                ]),
            });
        });
        return store;
    }

    /// <summary>Adds the internal (proxyless, unnamed to users) extra endpoints a store needs, e.g. RabbitMQ's epmd.</summary>
    public static IResourceBuilder<T> WithInternalEndpoint<T>(this IResourceBuilder<T> builder, string name)
        where T : NativeStoreResource =>
        builder.WithEndpoint(name: name, scheme: "tcp", isProxied: false, isExternal: false);

    public static ImmutableArray<ResourcePropertySnapshot> Merge(ImmutableArray<ResourcePropertySnapshot> existing, ResourcePropertySnapshot[] updates)
    {
        var names = updates.Select(u => u.Name).ToHashSet(StringComparer.Ordinal);
        return [.. existing.Where(p => !names.Contains(p.Name)), .. updates];
    }

    /// <summary>
    /// <c>WithDataDirectory</c> of every store: a given path, or with none a stable folder per AppHost and resource.
    /// </summary>
    public static IResourceBuilder<T> WithDataDirectory<T>(IResourceBuilder<T> builder, string? path)
        where T : NativeStoreResource
    {
        var run = NativeStoresRun.For(builder.ApplicationBuilder);
        builder.Resource.DataDirectory = path is null
            ? run.StableDataFolder(builder.Resource.Name)
            : Path.GetFullPath(path, builder.ApplicationBuilder.AppHostDirectory);
        builder.Resource.IsPersistent = true;
        return builder;
    }
}
