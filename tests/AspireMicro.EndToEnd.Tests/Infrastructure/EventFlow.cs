namespace AspireMicro.EndToEnd.Tests.Infrastructure;

/// <summary>One event type from its producer's outbox to its consumer's inbox: committed, published, consumed.</summary>
public sealed record EventFlow(string EventType, long Committed, long Published, long Consumed)
{
    public bool IsComplete => Committed == Published && Published == Consumed;

    public static async Task<EventFlow> MeasureAsync(string eventType, string producerDb, string consumerDb) => new(
        eventType,
        await Sql.CountAsync(producerDb, $"SELECT count(*) FROM outbox_messages WHERE event_type = '{eventType}'"),
        await Sql.CountAsync(producerDb, $"SELECT count(*) FROM outbox_messages WHERE event_type = '{eventType}' AND published_at IS NOT NULL"),
        await Sql.CountAsync(consumerDb, $"SELECT count(*) FROM inbox_messages WHERE event_type = '{eventType}'"));

    public override string ToString() => $"{EventType}: committed {Committed}, published {Published}, consumed {Consumed}";
}
