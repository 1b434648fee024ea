using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace Catalog.Api.Data;

/// <summary>
/// Applies migrations and the seed before the app serves traffic. Two replicas start at the same time,
/// so the whole step runs under a session-level Postgres advisory lock: the second replica waits,
/// then finds the schema current and the seed present with two plain queries, and does nothing more.
/// </summary>
public static class CatalogDatabaseInitializer
{
    // Arbitrary but fixed: every catalog replica must use the same key.
    private const long MigrationLockKey = 0x0CA7A106;

    public static async Task InitializeCatalogDatabaseAsync(this WebApplication app, CancellationToken cancellationToken = default)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CatalogDbContext>();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(CatalogDatabaseInitializer));
        // Read from the assembly's attributes: no database work, no migrator.
        var latestMigration = db.Database.GetMigrations().LastOrDefault();

        // A dedicated connection holds the lock; EF may open and close its own connections meanwhile.
        await using var lockConnection = new NpgsqlConnection(db.Database.GetConnectionString());
        await lockConnection.OpenAsync(cancellationToken);
        // A restart, or a replica that started after another finished: no lock, no migrator (whose start-up is
        // most of this step's CPU), just the check.
        if (await CatalogSchemaState.IsCurrentAndSeededAsync(lockConnection, latestMigration, cancellationToken))
        {
            return;
        }

        await using (var acquire = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", lockConnection))
        {
            acquire.Parameters.AddWithValue("key", MigrationLockKey);
            await acquire.ExecuteNonQueryAsync(cancellationToken);
        }

        try
        {
            // The replica that waited for the lock usually finds the other's work done.
            if (await CatalogSchemaState.IsCurrentAndSeededAsync(lockConnection, latestMigration, cancellationToken))
            {
                return;
            }

            // On a fresh database EF probes the history table by selecting from it, and that failed query is
            // logged at "fail" on every first start. Creating the (empty) table first makes the probe succeed.
            await using (var history = new NpgsqlCommand(db.GetService<IHistoryRepository>().GetCreateIfNotExistsScript(), lockConnection))
            {
                await history.ExecuteNonQueryAsync(cancellationToken);
            }

            await db.Database.MigrateAsync(cancellationToken);
            if (await CatalogSeedWriter.WriteIfEmptyAsync(lockConnection, CatalogSeed.Generate(), cancellationToken))
            {
                logger.LogInformation("Seeded {Count} catalog items", CatalogSeed.ProductCount);
            }
        }
        finally
        {
            await using var release = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", lockConnection);
            release.Parameters.AddWithValue("key", MigrationLockKey);
            await release.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }
}
