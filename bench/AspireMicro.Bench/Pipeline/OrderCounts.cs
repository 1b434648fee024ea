using Npgsql;

namespace AspireMicro.Bench.Pipeline;

/// <summary>Ground truth from ordering's own database: created_at is acceptance, updated_at the final transition.</summary>
public sealed record OrderCounts(long Total, long Paid, long Cancelled, double P50Ms, double P99Ms, double MaxMs)
{
    public long Final => Paid + Cancelled;

    public static async Task<OrderCounts> ReadAsync(string connectionString, string buyerPrefix)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT count(*),
                   count(*) FILTER (WHERE status = 'Paid'),
                   count(*) FILTER (WHERE status = 'Cancelled'),
                   coalesce(percentile_disc(0.5) WITHIN GROUP (ORDER BY ms) FILTER (WHERE status IN ('Paid', 'Cancelled')), 0),
                   coalesce(percentile_disc(0.99) WITHIN GROUP (ORDER BY ms) FILTER (WHERE status IN ('Paid', 'Cancelled')), 0),
                   coalesce(max(ms) FILTER (WHERE status IN ('Paid', 'Cancelled')), 0)
            FROM (SELECT status, extract(epoch FROM updated_at - created_at)::float8 * 1000 AS ms
                  FROM orders WHERE buyer_id LIKE @prefix) o
            """, connection);
        command.Parameters.AddWithValue("prefix", buyerPrefix + "%");
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return new OrderCounts(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetDouble(3), reader.GetDouble(4), reader.GetDouble(5));
    }
}
