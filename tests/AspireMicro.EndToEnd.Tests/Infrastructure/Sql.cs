using Npgsql;

namespace AspireMicro.EndToEnd.Tests.Infrastructure;

/// <summary>Counts straight from the services' databases: the invariants are about rows, not responses.</summary>
public static class Sql
{
    public static async Task<long> CountAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static async Task<OutboxCounts> OutboxAsync(string connectionString)
    {
        // One statement, so committed and published are counted from the same snapshot.
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT (SELECT count(*) FROM outbox_messages), (SELECT count(published_at) FROM outbox_messages), (SELECT count(*) FROM inbox_messages)",
            connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return new OutboxCounts(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
    }
}

public sealed record OutboxCounts(long Committed, long Published, long Consumed)
{
    public static OutboxCounts operator +(OutboxCounts a, OutboxCounts b) =>
        new(a.Committed + b.Committed, a.Published + b.Published, a.Consumed + b.Consumed);
}
