using AspireMicro.EventBus.Configuration;
using AspireMicro.EventBus.Persistence;
using AspireMicro.IntegrationEvents.Orders;
using Payment.Worker.Application;
using Payment.Worker.Infrastructure;
using Payment.Worker.IntegrationEvents;

namespace Payment.Worker.Extensions;

public static class PaymentServiceExtensions
{
    public const string DatabaseConnectionName = "paymentdb";

    public static IHostApplicationBuilder AddPayment(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<PaymentOptions>()
            .Bind(builder.Configuration.GetSection(PaymentOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<PaymentDecider>();
        // Aspire's client: pooled PaymentDbContext, Npgsql tracing and metrics, and a health check on /health, which is
        // readiness (Unhealthy while the database is unreachable, so the host shows the outage). No EF retries: the
        // outbox and inbox open their own transactions, which a retrying execution strategy refuses; the relay, the
        // consumer and the schema set-up retry with their own back-off.
        builder.AddNpgsqlDbContext<PaymentDbContext>(DatabaseConnectionName, settings => settings.DisableRetry = true);

        builder.AddEventBus("payment")
            .AddSchema<PaymentDbContext>(PaymentSchema.Sql)
            .AddOutboxRelay<PaymentDbContext>()
            .AddConsumer<PaymentDbContext>()
            .AddHandler<OrderStockReserved, OrderStockReservedHandler>();

        return builder;
    }
}
