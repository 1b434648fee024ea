using Catalog.Api.Model;
using Npgsql;
using NpgsqlTypes;

namespace Catalog.Api.Data;

/// <summary>
/// Writes the seed with one binary COPY instead of EF's change tracker and batched INSERTs: the rows are fixed and
/// new, and at start-up the JIT of EF's update pipeline cost more than the insert itself.
/// </summary>
internal static class CatalogSeedWriter
{
    /// <summary>Writes <paramref name="items"/> when the table is empty; false when it already had rows.</summary>
    public static async Task<bool> WriteIfEmptyAsync(NpgsqlConnection connection, IReadOnlyList<CatalogItem> items, CancellationToken cancellationToken)
    {
        await using (var any = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM catalog_items)", connection))
        {
            if (await any.ExecuteScalarAsync(cancellationToken) is true)
            {
                return false;
            }
        }

        // Column names as the migrations create them (EF's default: the property names, quoted).
        await using var writer = await connection.BeginBinaryImportAsync(
            """COPY catalog_items ("Id", "Name", "Description", "Brand", "Category", "Price", "AvailableStock") FROM STDIN (FORMAT BINARY)""",
            cancellationToken);
        foreach (var item in items)
        {
            await writer.StartRowAsync(cancellationToken);
            await writer.WriteAsync(item.Id, NpgsqlDbType.Integer, cancellationToken);
            await writer.WriteAsync(item.Name, NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync(item.Description, NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync(item.Brand, NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync(item.Category, NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync(item.Price, NpgsqlDbType.Numeric, cancellationToken);
            await writer.WriteAsync(item.AvailableStock, NpgsqlDbType.Integer, cancellationToken);
        }

        await writer.CompleteAsync(cancellationToken);
        return true;
    }
}
