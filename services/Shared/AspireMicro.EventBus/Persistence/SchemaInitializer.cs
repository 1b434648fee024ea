using AspireMicro.EventBus.Connection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace AspireMicro.EventBus.Persistence;

/// <summary>
/// Creates the database (if the host did not) and runs idempotent DDL before anything else starts.
/// A transaction-scoped advisory lock serialises replicas that start together: concurrent
/// <c>CREATE TABLE IF NOT EXISTS</c> can still collide in the catalog otherwise.
/// </summary>
public sealed class SchemaInitializer<TDbContext>(
    IServiceProvider services,
    SchemaScripts<TDbContext> scripts,
    ILogger<SchemaInitializer<TDbContext>> logger) : IHostedService
    where TDbContext : DbContext
{
    private const long LockKey = 0x41_73_70_69_72_65; // "Aspire": any constant shared by all replicas.

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await InitializeAsync(cancellationToken);
                return;
            }
            catch (Exception ex) when (attempt < 30 && ex is NpgsqlException or TimeoutException)
            {
                logger.LogWarning(ex, "Database not ready (attempt {Attempt}); retrying", attempt + 1);
                await Task.Delay(Backoff.For(attempt, TimeSpan.FromSeconds(3)), cancellationToken);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        var connectionString = db.Database.GetConnectionString()
            ?? throw new InvalidOperationException($"{typeof(TDbContext).Name} has no connection string.");

        await EnsureDatabaseExistsAsync(connectionString, cancellationToken);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({LockKey})", cancellationToken);
        foreach (var script in scripts.Scripts)
        {
            await db.Database.ExecuteSqlRawAsync(script, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Schema of {DbContext} is up to date", typeof(TDbContext).Name);
    }

    private async Task EnsureDatabaseExistsAsync(string connectionString, CancellationToken cancellationToken)
    {
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        if (string.IsNullOrEmpty(target.Database) || target.Database == "postgres")
        {
            return;
        }

        var admin = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync(cancellationToken);

        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection);
        exists.Parameters.AddWithValue(target.Database);
        if (await exists.ExecuteScalarAsync(cancellationToken) is not null)
        {
            return;
        }

        try
        {
            // Identifiers cannot be parameters; quote it so any name is taken literally.
            var quoted = "\"" + target.Database.Replace("\"", "\"\"") + "\"";
            await using var create = new NpgsqlCommand($"CREATE DATABASE {quoted}", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
            logger.LogInformation("Created database {Database}", target.Database);
        }
        catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.DuplicateDatabase
                                               or PostgresErrorCodes.UniqueViolation)
        {
            // Another replica won the race.
        }
    }
}
