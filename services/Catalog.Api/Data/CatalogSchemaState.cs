using Npgsql;

namespace Catalog.Api.Data;

/// <summary>Whether the catalog database already has the newest migration and the seed, asked in one round trip.</summary>
internal static class CatalogSchemaState
{
    public static async Task<bool> IsCurrentAndSeededAsync(NpgsqlConnection connection, string? latestMigration, CancellationToken cancellationToken)
    {
        if (latestMigration is null)
        {
            return false;
        }

        // to_regclass is null for a missing table, so a fresh database answers false instead of failing
        // (a failed query would be logged as an error by PostgreSQL and by Npgsql's tracing).
        const string Sql = """
            SELECT to_regclass('"__EFMigrationsHistory"') IS NOT NULL AND to_regclass('catalog_items') IS NOT NULL
            """;
        await using (var tables = new NpgsqlCommand(Sql, connection))
        {
            if (await tables.ExecuteScalarAsync(cancellationToken) is not true)
            {
                return false;
            }
        }

        await using var state = new NpgsqlCommand(
            """
            SELECT EXISTS (SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = @latest)
               AND EXISTS (SELECT 1 FROM catalog_items)
            """,
            connection);
        state.Parameters.AddWithValue("latest", latestMigration);
        return await state.ExecuteScalarAsync(cancellationToken) is true;
    }
}
