namespace Payment.Worker.Infrastructure;

/// <summary>Idempotent DDL, run at every start (mirrors <see cref="PaymentDbContext"/>).</summary>
public static class PaymentSchema
{
    public const string Sql = """
        CREATE TABLE IF NOT EXISTS payments (
            order_id       uuid PRIMARY KEY,
            amount         numeric(18,2) NOT NULL,
            succeeded      boolean NOT NULL,
            failure_reason text NULL,
            processed_at   timestamptz NOT NULL
        );
        """;
}
