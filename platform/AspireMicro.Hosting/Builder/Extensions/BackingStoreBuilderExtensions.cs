using AspireMicro.Hosting.ApplicationModel;

namespace AspireMicro.Hosting;

/// <summary>AddPostgres / AddRedis / AddRabbitMQ: native servers locally, images when published.</summary>
public static class BackingStoreBuilderExtensions
{
    public static IResourceBuilder<PostgresServerResource> AddPostgres(
        this IDistributedApplicationBuilder builder, string name, IResourceBuilder<ParameterResource>? password = null, int? port = null) =>
        builder.AddResource(new PostgresServerResource(name, password?.Resource ?? ParameterBuilderExtensions.CreateGeneratedPassword(builder, name)))
            .WithPort(port);

    /// <summary>A database inside the server, created when the server is ready.</summary>
    public static IResourceBuilder<PostgresDatabaseResource> AddDatabase(
        this IResourceBuilder<PostgresServerResource> builder, string name, string? databaseName = null)
    {
        var database = new PostgresDatabaseResource(name, databaseName ?? name, builder.Resource);
        builder.Resource.Databases[name] = database.DatabaseName;
        return builder.ApplicationBuilder.AddResource(database);
    }

    public static IResourceBuilder<RedisResource> AddRedis(
        this IDistributedApplicationBuilder builder, string name, int? port = null, IResourceBuilder<ParameterResource>? password = null) =>
        builder.AddResource(new RedisResource(name, password?.Resource ?? ParameterBuilderExtensions.CreateGeneratedPassword(builder, name)))
            .WithPort(port);

    public static IResourceBuilder<RabbitMQServerResource> AddRabbitMQ(
        this IDistributedApplicationBuilder builder, string name, IResourceBuilder<ParameterResource>? password = null, int? port = null) =>
        builder.AddResource(new RabbitMQServerResource(name, password?.Resource ?? ParameterBuilderExtensions.CreateGeneratedPassword(builder, name)))
            .WithPort(port);

    /// <summary>
    /// Keep the store's data across runs in <paramref name="path"/> (relative to the AppHost folder), or by default
    /// in a folder for this AppHost under the user profile. Without it, data is thrown away when the app stops.
    /// </summary>
    public static IResourceBuilder<T> WithDataDirectory<T>(this IResourceBuilder<T> builder, string? path = null)
        where T : INativeServerResource =>
        builder.WithAnnotation(new DataDirectoryAnnotation(
            path is null ? null : Path.GetFullPath(Path.Combine(builder.ApplicationBuilder.AppHostDirectory, path))));

    private static IResourceBuilder<T> WithPort<T>(this IResourceBuilder<T> builder, int? port)
        where T : INativeServerResource
    {
        builder.Resource.PrimaryEndpoint.Annotation.Port = port;
        return builder;
    }
}
