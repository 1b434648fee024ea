namespace Ordering.Api.Infrastructure;

/// <summary>Idempotent DDL, run at every start under an advisory lock (mirrors <see cref="OrderingDbContext"/>).</summary>
public static class OrderingSchema
{
    public const string Sql = """
        CREATE TABLE IF NOT EXISTS orders (
            id                  uuid PRIMARY KEY,
            buyer_id            text NOT NULL,
            status              text NOT NULL,
            total               numeric(18,2) NOT NULL,
            cancellation_reason text NULL,
            idempotency_key     text NOT NULL,
            request_hash        text NOT NULL,
            created_at          timestamptz NOT NULL,
            updated_at          timestamptz NOT NULL,
            CONSTRAINT uq_orders_idempotency_key UNIQUE (idempotency_key)
        );
        CREATE INDEX IF NOT EXISTS ix_orders_buyer_id ON orders (buyer_id, created_at DESC);

        CREATE TABLE IF NOT EXISTS order_items (
            order_id     uuid NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
            line_no      integer NOT NULL,
            product_id   integer NOT NULL,
            product_name text NOT NULL,
            unit_price   numeric(18,2) NOT NULL,
            quantity     integer NOT NULL,
            PRIMARY KEY (order_id, line_no)
        );
        """;
}
