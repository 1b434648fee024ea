using AspireMicro.EventBus.Configuration;
using AspireMicro.EventBus.Persistence;
using AspireMicro.IntegrationEvents.Orders;
using Microsoft.EntityFrameworkCore;
using Payment.Worker.Application;
using Payment.Worker.Infrastructure;
using Payment.Worker.IntegrationEvents;

namespace Payment.Worker.Extensions;

public static class PaymentServiceExtensions
{
    public const string DatabaseConnectionName = "paymentdb";

    public static IHostApplicationBuilder AddPayment(this IHostApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString(DatabaseConnectionName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException($"ConnectionStrings:{DatabaseConnectionName} is not configured.");
        }

        builder.Services.AddOptions<PaymentOptions>()
            .Bind(builder.Configuration.GetSection(PaymentOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<PaymentDecider>();
        builder.Services.AddDbContext<PaymentDbContext>(options => options.UseNpgsql(connectionString));
        // /health is readiness: Unhealthy while the database is unreachable, so the host shows the outage.
        builder.Services.AddHealthChecks().AddDbContextCheck<PaymentDbContext>(DatabaseConnectionName);

        builder.AddEventBus("payment")
            .AddSchema<PaymentDbContext>(PaymentSchema.Sql)
            .AddOutboxRelay<PaymentDbContext>()
            .AddConsumer<PaymentDbContext>()
            .AddHandler<OrderStockReserved, OrderStockReservedHandler>();

        return builder;
    }
}
