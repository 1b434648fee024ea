using Aspire.Hosting.ApplicationModel;
using AspireMicro.Hosting.NativeStores;
using AspireMicro.Hosting.NativeStores.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Aspire.Hosting;

/// <summary>Native PostgreSQL: <c>AddNativePostgres</c>, <c>AddDatabase</c>, <c>WithDataDirectory</c>.</summary>
public static class NativePostgresBuilderExtensions
{
    private const string DatabaseResourceType = "PostgresDatabase";

    /// <summary>
    /// Adds a PostgreSQL server run natively (Debian's <c>postgresql</c> package) with super user <c>postgres</c>.
    /// Its data is ephemeral unless <see cref="WithDataDirectory"/> is called.
    /// </summary>
    /// <param name="builder">The application builder.</param>
    /// <param name="name">The resource name.</param>
    /// <param name="password">The password of <c>postgres</c>; generated (<c>{name}-password</c>) when null.</param>
    public static IResourceBuilder<NativePostgresServerResource> AddNativePostgres(
        this IDistributedApplicationBuilder builder,
        [ResourceName] string name,
        IResourceBuilder<ParameterResource>? password = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);

        var passwordParameter = NativeStoreBuilder.PasswordOrDefault(builder, name, password);
        var server = new NativePostgresServerResource(name, passwordParameter);

        var connectionString = NativeStoreBuilder.CaptureConnectionString(builder, server);
        var healthCheckKey = $"{name}_check";
        builder.Services.AddHealthChecks().AddNpgSql(
            _ => connectionString(),
            name: healthCheckKey);

        // Databases are created once the server answers; their state is ours to publish (the orchestrator gives
        // children of executables none), so WaitFor(database) works.
        builder.Eventing.Subscribe<ResourceReadyEvent>(server, (e, ct) => CreateDatabasesAsync(server, e.Services, ct));
        builder.Eventing.Subscribe<ResourceStoppedEvent>(server, (e, _) => MarkDatabasesStoppedAsync(server, e.Services));

        return NativeStoreBuilder.AddNativeStore(builder, server, "DatabaseStack")
            .WithEnvironment("NATIVE_STORE_MAX_CONNECTIONS", NativePostgresServerResource.MaxConnections.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .WithHealthCheck(healthCheckKey);
    }

    /// <summary>Adds a database that is created in the server when the server is ready.</summary>
    /// <param name="builder">The server.</param>
    /// <param name="name">The resource name.</param>
    /// <param name="databaseName">The database's name in the server; <paramref name="name"/> when null.</param>
    public static IResourceBuilder<NativePostgresDatabaseResource> AddDatabase(
        this IResourceBuilder<NativePostgresServerResource> builder,
        [ResourceName] string name,
        string? databaseName = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);

        var database = new NativePostgresDatabaseResource(name, databaseName ?? name, builder.Resource);
        builder.Resource.AddDatabase(name, database.DatabaseName);

        var connectionString = NativeStoreBuilder.CaptureConnectionString(builder.ApplicationBuilder, database);
        var healthCheckKey = $"{name}_check";
        builder.ApplicationBuilder.Services.AddHealthChecks().AddNpgSql(
            _ => connectionString(),
            name: healthCheckKey);

        return builder.ApplicationBuilder.AddResource(database)
            .WithParentRelationship(builder.Resource)
            .WithIconName("Database")
            .WithInitialState(new CustomResourceSnapshot
            {
                ResourceType = DatabaseResourceType,
                State = KnownResourceStates.Waiting,
                Properties = [new("postgres.database", database.DatabaseName) { DisplayName = "Database" }],
            })
            .WithHealthCheck(healthCheckKey);
    }

    /// <summary>
    /// Keeps the server's data in <paramref name="path"/> (relative to the AppHost folder), or with no path in a
    /// stable folder per AppHost and resource, so that it survives runs. The folder's parents must be searchable by
    /// the <c>postgres</c> user when the AppHost runs as root.
    /// </summary>
    public static IResourceBuilder<NativePostgresServerResource> WithDataDirectory(
        this IResourceBuilder<NativePostgresServerResource> builder, string? path = null) =>
        NativeStoreBuilder.WithDataDirectory(builder, path);

    private static async Task CreateDatabasesAsync(NativePostgresServerResource server, IServiceProvider services, CancellationToken ct)
    {
        if (server.Databases.Count == 0)
        {
            return;
        }

        var model = services.GetRequiredService<DistributedApplicationModel>();
        var notifications = services.GetRequiredService<ResourceNotificationService>();
        var loggers = services.GetRequiredService<ResourceLoggerService>();
        var serverConnectionString = await server.ConnectionStringExpression.GetValueAsync(ct)
            ?? throw new InvalidOperationException($"'{server.Name}' has no connection string.");
        foreach (var database in model.Resources.OfType<NativePostgresDatabaseResource>().Where(d => d.Parent == server))
        {
            var logger = loggers.GetLogger(database);
            try
            {
                await EnsureDatabaseAsync(serverConnectionString, database.DatabaseName, ct);
                logger.LogInformation("Database '{Database}' is ready in '{Server}'.", database.DatabaseName, server.Name);
                await notifications.PublishUpdateAsync(database, s => s with
                {
                    State = KnownResourceStates.Running,
                    StartTimeStamp = DateTime.UtcNow,
                    StopTimeStamp = null,
                });
            }
            catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException && !ct.IsCancellationRequested)
            {
                logger.LogError("Could not create database '{Database}': {Message}", database.DatabaseName, ex.Message);
                await notifications.PublishUpdateAsync(database, s => s with { State = KnownResourceStates.FailedToStart });
            }
        }
    }

    private static async Task MarkDatabasesStoppedAsync(NativePostgresServerResource server, IServiceProvider services)
    {
        var model = services.GetRequiredService<DistributedApplicationModel>();
        var notifications = services.GetRequiredService<ResourceNotificationService>();
        foreach (var database in model.Resources.OfType<NativePostgresDatabaseResource>().Where(d => d.Parent == server))
        {
            // A terminal state ends the database's health monitoring; Running again (on the next ready) restarts it.
            await notifications.PublishUpdateAsync(database, s => s with
            {
                State = KnownResourceStates.Exited,
                StopTimeStamp = DateTime.UtcNow,
            });
        }
    }

    private static async Task EnsureDatabaseAsync(string serverConnectionString, string name, CancellationToken ct)
    {
        var builder = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = "postgres", Pooling = false, Timeout = 10 };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync(ct);
        await using (var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection))
        {
            exists.Parameters.AddWithValue("name", name);
            if (await exists.ExecuteScalarAsync(ct) is not null)
            {
                return;
            }
        }

        var quoted = "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        await using var create = new NpgsqlCommand($"CREATE DATABASE {quoted}", connection);
        try
        {
            await create.ExecuteNonQueryAsync(ct);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.DuplicateDatabase)
        {
            // Created by someone else between the check and the CREATE: same outcome.
        }
    }
}
