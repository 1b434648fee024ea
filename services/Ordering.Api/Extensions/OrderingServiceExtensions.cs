using System.Text.Json.Serialization;
using AspireMicro.EventBus.Configuration;
using AspireMicro.EventBus.Persistence;
using AspireMicro.IntegrationEvents.Orders;
using Ordering.Api.Application;
using Ordering.Api.Infrastructure;
using Ordering.Api.IntegrationEvents;

namespace Ordering.Api.Extensions;

public static class OrderingServiceExtensions
{
    public const string DatabaseConnectionName = "orderingdb";

    public static IHostApplicationBuilder AddOrdering(this IHostApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails();
        builder.AddTokenValidation();
        // A database outage is a fast 503, not a 500 (see ServiceDefaults).
        builder.Services.AddExceptionHandler<DependencyUnavailableExceptionHandler>();
        builder.Services.ConfigureHttpJsonOptions(options =>
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        builder.Services.AddSingleton(TimeProvider.System);
        // Aspire's client: pooled OrderingDbContext, Npgsql tracing and metrics, and a health check on /health, which is
        // readiness (Unhealthy while the database is unreachable, so the host shows the outage). No EF retries: the
        // outbox and inbox open their own transactions, which a retrying execution strategy refuses; the relay, the
        // consumer and the schema set-up retry with their own back-off, and a request during an outage must be a
        // fast 503.
        builder.AddNpgsqlDbContext<OrderingDbContext>(DatabaseConnectionName, settings => settings.DisableRetry = true);
        builder.Services.AddScoped<OrderPlacement>();
        builder.Services.AddScoped<OrderTransitions>();

        builder.AddEventBus("ordering")
            .AddSchema<OrderingDbContext>(OrderingSchema.Sql)
            .AddOutboxRelay<OrderingDbContext>()
            .AddConsumer<OrderingDbContext>()
            .AddHandler<OrderStockReserved, OrderStockReservedHandler>()
            .AddHandler<OrderStockRejected, OrderStockRejectedHandler>()
            .AddHandler<OrderPaymentSucceeded, OrderPaymentSucceededHandler>()
            .AddHandler<OrderPaymentFailed, OrderPaymentFailedHandler>();

        return builder;
    }
}
