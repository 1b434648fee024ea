namespace AspireMicro.EventBus.Persistence;

/// <summary>
/// DDL of the outbox and inbox tables; idempotent, so it can run on every start of every replica
/// (see <see cref="SchemaInitializer{TDbContext}"/>). Mirrors <see cref="EventBusModelBuilderExtensions"/>.
/// </summary>
public static class EventBusSchema
{
    public const string OutboxTable = "outbox_messages";
    public const string InboxTable = "inbox_messages";

    public const string Sql = """
        CREATE TABLE IF NOT EXISTS outbox_messages (
            id               uuid PRIMARY KEY,
            sequence         bigint GENERATED ALWAYS AS IDENTITY,
            event_type       text NOT NULL,
            payload          text NOT NULL,
            trace_parent     text NULL,
            trace_state      text NULL,
            occurred_at      timestamptz NOT NULL,
            published_at     timestamptz NULL,
            publish_attempts integer NOT NULL DEFAULT 0
        );
        CREATE INDEX IF NOT EXISTS ix_outbox_messages_unpublished
            ON outbox_messages (sequence) WHERE published_at IS NULL;

        CREATE TABLE IF NOT EXISTS inbox_messages (
            message_id   uuid NOT NULL,
            consumer     text NOT NULL,
            event_type   text NOT NULL,
            processed_at timestamptz NOT NULL,
            PRIMARY KEY (message_id, consumer)
        );
        """;
}
