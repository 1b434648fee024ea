using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace Catalog.Api.Data;

/// <summary>
/// Applies migrations and the seed before the app serves traffic. Two replicas start at the same time,
/// so the whole step runs under a session-level Postgres advisory lock: the second replica waits,
/// then finds the schema current and the seed present, and does nothing.
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

        // A dedicated connection holds the lock; EF may open and close its own connections meanwhile.
        await using var lockConnection = new NpgsqlConnection(db.Database.GetConnectionString());
        await lockConnection.OpenAsync(cancellationToken);
        await using (var acquire = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", lockConnection))
        {
            acquire.Parameters.AddWithValue("key", MigrationLockKey);
            await acquire.ExecuteNonQueryAsync(cancellationToken);
        }

        try
        {
            // On a fresh database EF probes the history table by selecting from it, and that failed query is
            // logged at "fail" on every first start. Creating the (empty) table first makes the probe succeed.
            await using (var history = new NpgsqlCommand(db.GetService<IHistoryRepository>().GetCreateIfNotExistsScript(), lockConnection))
            {
                await history.ExecuteNonQueryAsync(cancellationToken);
            }

            await db.Database.MigrateAsync(cancellationToken);
            if (!await db.Items.AnyAsync(cancellationToken))
            {
                db.Items.AddRange(CatalogSeed.Generate());
                await db.SaveChangesAsync(cancellationToken);
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
