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
        var committed = await CountAsync(connectionString, "SELECT count(*) FROM outbox_messages");
        var published = await CountAsync(connectionString, "SELECT count(*) FROM outbox_messages WHERE published_at IS NOT NULL");
        var consumed = await CountAsync(connectionString, "SELECT count(*) FROM inbox_messages");
        return new OutboxCounts(committed, published, consumed);
    }
}

public sealed record OutboxCounts(long Committed, long Published, long Consumed)
{
    public static OutboxCounts operator +(OutboxCounts a, OutboxCounts b) =>
        new(a.Committed + b.Committed, a.Published + b.Published, a.Consumed + b.Consumed);
}
